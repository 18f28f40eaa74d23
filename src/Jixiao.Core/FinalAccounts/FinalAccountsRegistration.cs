using System.Runtime.CompilerServices;
using Jixiao.Core.Checks;
using Jixiao.Core.Model;
using Jixiao.Core.Serialization;

namespace Jixiao.Core.FinalAccounts;

/// <summary>Registers <see cref="FinalAccountsDisclosure"/> with canonical JSON as "final-accounts" when Core loads.</summary>
internal static class FinalAccountsRegistration
{
#pragma warning disable CA2255 // A module initializer is the one place that runs before any use of CanonicalJson.Options.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void EnsureRegistered()
    {
        CanonicalJson.Register<FinalAccountsDisclosure>(DocumentKind.FinalAccounts);
        // The engine checks a disclosure with the project self-evaluations published beside it.
        Engine.Register(DocumentKind.FinalAccounts, Checks.FinalAccountsChecks.Rules,
            (doc, bundle, ctx) => Checks.FinalAccountsChecks.Run((FinalAccountsDisclosure)doc, bundle.OfType<ProjectSelfEvaluation>().ToList(), ctx));
    }
}
