namespace DigitalInitiativer.Tests.Analytics;

/// <summary>
/// What a determined reader can work out: every published figure, plus every linear equation they know holds between
/// figures (totals, units and sub-units, roles, participants and the rest). Solves any equation with one unknown
/// left, over and over, and reports everything it learned. Written independently of the API's disclosure code.
/// </summary>
public sealed class Attacker
{
    private readonly Dictionary<string, double> _known = [];
    private readonly List<(string Variable, double Coefficient)[]> _equations = [];

    public IReadOnlyDictionary<string, double> Known => _known;

    /// <summary>For each derived figure, the equation it came from, to explain a failure.</summary>
    public Dictionary<string, string> How { get; } = [];
    private readonly Dictionary<string, List<string>> _from = [];

    /// <summary>How a figure was worked out, back to published figures.</summary>
    public string Explain(string variable, int depth = 0) =>
        $"{variable} = {_known[variable]}" + (_from.TryGetValue(variable, out var sources) && depth < 6
            ? $" ⇐ ({How[variable]}) [{string.Join("; ", sources.Where(How.ContainsKey).Select(v => Explain(v, depth + 1)))}]"
            : "");
    public int Published { get; private set; }

    public void Learn(string variable, double? value)
    {
        if (value is not { } v) return;
        _known[variable] = v;
        Published++;
    }

    /// <summary>total = Σ parts.</summary>
    public void Sum(string total, IEnumerable<string> parts) =>
        _equations.Add([(total, -1), .. parts.Select(p => (p, 1.0))]);

    /// <summary>Σ left = Σ right.</summary>
    public void Balance(IEnumerable<string> left, IEnumerable<string> right) =>
        _equations.Add([.. left.Select(p => (p, 1.0)), .. right.Select(p => (p, -1.0))]);

    /// <summary>Solves until nothing new follows; returns what was derived that was not published.</summary>
    public Dictionary<string, double> Solve()
    {
        var derived = new Dictionary<string, double>();
        bool progress;
        do
        {
            progress = false;
            foreach (var equation in _equations)
            {
                var unknown = equation.Where(t => !_known.ContainsKey(t.Variable)).Select(t => t.Variable).Distinct().ToList();
                if (unknown.Count != 1) continue;
                var rest = equation.Where(t => t.Variable != unknown[0]).Sum(t => t.Coefficient * _known[t.Variable]);
                var coefficient = equation.Where(t => t.Variable == unknown[0]).Sum(t => t.Coefficient);
                if (coefficient == 0) continue;
                var value = Math.Round(-rest / coefficient, 6);
                _known[unknown[0]] = value;
                derived[unknown[0]] = value;
                How[unknown[0]] = string.Join(" + ", equation.Select(t => $"{t.Coefficient}·[{t.Variable}]"));
                _from[unknown[0]] = equation.Select(t => t.Variable).Where(v => v != unknown[0]).ToList();
                progress = true;
            }
        }
        while (progress);
        return derived;
    }
}
