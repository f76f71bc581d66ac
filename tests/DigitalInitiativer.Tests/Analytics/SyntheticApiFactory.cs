using DigitalInitiativer.Api.Synthetic;
using DigitalInitiativer.Tests.Infrastructure;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>
/// The app on a database holding exactly <see cref="Data"/>, a small synthetic organisation kept in memory too, so
/// tests can compute every figure independently with LINQ. It has units without staff, people assessed in only one
/// wave, people who changed unit between waves, and participations before the first wave.
/// </summary>
public class SyntheticApiFactory : ApiFactory
{
    protected override bool WithDemoData => false;

    /// <summary>
    /// Without perturbation, so these tests can check counting and suppression to the exact figure; the cell-key
    /// perturbation on top has tests of its own (PerturbationTests).
    /// </summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Analytics:MaximumPerturbation", "0")];

    protected virtual SyntheticData CreateData() => SyntheticData.Generate(new SyntheticOptions(Persons: 3000, Participations: 9000, Initiatives: 12, Seed: 7));

    public SyntheticData Data { get; }

    public SyntheticApiFactory()
    {
        Data = CreateData();
        _ = Services; // starts the app, which creates the schema
        using var db = OpenDb();
        Data.WriteAsync(db).GetAwaiter().GetResult();
    }
}
