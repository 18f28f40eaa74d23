using System.Runtime.CompilerServices;
using Jixiao.Documents.FinalAccounts;
using Jixiao.Documents.Text;

namespace Jixiao.Documents;

/// <summary>Plugs the module readers into the composite readers when the assembly loads.</summary>
internal static class ReaderRegistration
{
#pragma warning disable CA2255 // A module initializer is the one place that runs before any read.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        TextDocumentReader.FinalAccountsReader = (file, lines) =>
            FinalAccountsTextReader.Read(file, lines) is { } r ? (r.Disclosure, r.FirstLine - 1, r.LastLine - 1, r.Findings) : null;
    }
}
