namespace DigitalInitiativer.Tests.Infrastructure;

/// <summary>The demo app with perturbation off (Development only), for tests that check counting to the exact figure.</summary>
public class ExactApiFactory : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Analytics:MaximumPerturbation", "0")];
}
