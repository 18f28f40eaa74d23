using System.Diagnostics;
using Spectre.Console;

namespace Jixiao.Cli.Commands;

/// <summary>
/// Progress of a long check, on stderr only (stdout carries nothing but the result): a Spectre.Console
/// progress bar when stderr is an interactive terminal, otherwise a plain line every
/// <see cref="PlainInterval"/> (none at all for a run shorter than that).
/// </summary>
public sealed class CheckProgress : IDisposable
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly long _total;
    private readonly TextWriter _error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly Task? _bar;
    private readonly CancellationTokenSource _stop = new();
    private long _done;
    private bool _printedPlain;

    private CheckProgress(long total, TextWriter error, bool terminal)
    {
        _total = total;
        _error = error;
        if (total == 0) return;
        if (terminal)
        {
            // Spectre calls a console non-interactive when stdout is redirected; the bar lives on stderr, which is a terminal here.
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), Interactive = InteractionSupport.Yes });
            if (console.Profile.Capabilities.Ansi && Environment.GetEnvironmentVariable("CI") is null or "" or "false")
            {
                _bar = Task.Run(() => console.Progress()
                    .AutoClear(true)
                    .HideCompleted(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("检查", maxValue: _total);
                        while (!_stop.IsCancellationRequested)
                        {
                            var n = Interlocked.Read(ref _done);
                            task.Value = n;
                            task.Description = $"检查 {n}/{_total} 个文件";
                            _stop.Token.WaitHandle.WaitOne(100);
                        }
                        task.Value = _total;
                    }));
                return;
            }
        }
        _timer = new Timer(_ => Plain(), null, PlainInterval, PlainInterval);
    }

    /// <summary>Starts showing progress for <paramref name="total"/> files. The bar is used only for the real console's stderr.</summary>
    public static CheckProgress Start(long total, CliOutput output)
    {
        var terminal = ReferenceEquals(output.Error, Console.Error) && !Console.IsErrorRedirected && total > 1;
        return new CheckProgress(total, output.Error, terminal);
    }

    public void Advance() => Interlocked.Increment(ref _done);

    private void Plain()
    {
        var n = Interlocked.Read(ref _done);
        var s = _clock.Elapsed.TotalSeconds;
        lock (_error)
        {
            _error.WriteLine($"jixiao：已检查 {n}/{_total} 个文件（{n / Math.Max(s, 0.001):0} 个/秒）");
            _printedPlain = true;
        }
    }

    /// <summary>Stops the bar (it clears itself) or prints the closing plain line.</summary>
    public void Finish()
    {
        _timer?.Dispose();
        _stop.Cancel();
        _bar?.Wait();
        lock (_error)
        {
            if (_printedPlain)
                _error.WriteLine($"jixiao：已检查 {Interlocked.Read(ref _done)} 个文件，用时 {_clock.Elapsed.TotalSeconds:0.0} 秒");
            _printedPlain = false;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stop.Cancel();
        try
        {
            _bar?.Wait();
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }
}
