namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>
/// Statistical disclosure control for a set of counts that readers could combine. Two models, by
/// <see cref="DisclosureRules.Perturbs"/>:
/// <list type="bullet">
/// <item><b>Perturbed</b> (every real installation): each cell's count is perturbed by its noise key
/// (<see cref="DisclosureRules.Perturb"/>) and shown only when the perturbed count is at least k, zeros included; and in
/// every group (a total and its parts, registered with <see cref="RelateGroup"/>) a part that holds all but fewer than
/// k of the shown total is withheld too, so no row says that (nearly) everyone in it shares one profile. Every decision
/// rests on perturbed counts: decisions on true counts would flip deterministically when one person joins a row.</item>
/// <item><b>Exact</b> (perturbation off, Development only): the deterministic suppression described next.</item>
/// </list>
/// <para>
/// Every count is a cell. A relation lists cells that form one linear equation a reader knows, e.g. a total and its
/// parts, a unit and its sub-units, or all staff and employees plus leaders. Primary suppression withholds every cell
/// that counts at least one but fewer than k people. Complementary suppression then withholds more cells until, in
/// every relation, the withheld cells are at least two and together hold at least k people, so no withheld cell can be
/// worked out by subtraction and no pair of them reveals a small group.
/// </para>
/// <para>
/// A zero describes nobody, so it is shown, unless showing it would let a withheld cell be worked out; then zeros are
/// withheld too (a unit of two people who are both HESITANT shows nothing, not "0, ?, 0, 0").
/// </para>
/// <para>
/// Hidden cells are never published (e.g. the staff of a unit outside its sub-units); fixed cells were decided by an
/// earlier table and are not changed, so answers that share them stay consistent with each other.
/// </para>
/// </summary>
public sealed class DisclosureTable(DisclosureRules rules)
{
    private enum State : byte { Published, Suppressed, Hidden, FixedPublished, FixedSuppressed }

    private readonly List<long> _values = [];
    private readonly List<ulong> _noiseKeys = [];
    private readonly List<long> _shown = [];
    private readonly List<int> _groupMembers = [];
    private readonly List<int> _groupEnds = [];
    private readonly List<State> _states = [];
    private readonly List<int> _members = [];
    private readonly List<int> _relationEnds = [];
    private readonly List<Gate> _gates = [];

    /// <summary>Parts shown only when the gate cell holds at least the minimum and every complement is empty or holds at least it.</summary>
    private sealed record Gate(int Cell, int[] Parts, (long Value, ulong NoiseKey)[] Complements, long Minimum);

    public int Count => _values.Count;

    public DisclosureRules Rules => rules;

    /// <param name="noiseKey">The cell's noise key (<see cref="DisclosureRules.NoiseKey"/>); it decides the perturbation.</param>
    public int Add(long value, ulong noiseKey = 0) => Add(value, State.Published, noiseKey);

    public int AddHidden(long value) => Add(value, State.Hidden, 0);

    public int AddFixed(long value, bool suppressed) => Add(value, suppressed ? State.FixedSuppressed : State.FixedPublished, 0);

    private int Add(long value, State state, ulong noiseKey)
    {
        _values.Add(value);
        _states.Add(state);
        _noiseKeys.Add(noiseKey);
        _shown.Add(value);
        return _values.Count - 1;
    }

    public long ValueOf(int cell) => _values[cell];

    public bool IsWithheld(int cell) => _states[cell] is not (State.Published or State.FixedPublished);

    /// <summary>The published value of a cell (perturbed, in the perturbed model), or null when it is withheld.</summary>
    public long? Published(int cell) => IsWithheld(cell) ? null : _shown[cell];

    /// <summary>Registers one equation between cells that a reader could use to work out a withheld cell.</summary>
    public void Relate(ReadOnlySpan<int> cells)
    {
        foreach (var cell in cells) _members.Add(cell);
        _relationEnds.Add(_members.Count);
    }

    /// <summary>Registers a group: a total (first) and its parts, e.g. all participants and each profile group. It is also a relation.</summary>
    public void RelateGroup(ReadOnlySpan<int> totalThenParts)
    {
        Relate(totalThenParts);
        foreach (var cell in totalThenParts) _groupMembers.Add(cell);
        _groupEnds.Add(_groupMembers.Count);
    }

    /// <summary>
    /// Registers a breakdown that is shown only for enough people: the <paramref name="parts"/> are withheld unless
    /// <paramref name="gate"/> (e.g. the people assessed) holds at least <paramref name="minimum"/>, and every complement
    /// (people a reader could set apart by comparing with another published breakdown) holds none or at least that many.
    /// </summary>
    public void AddGate(int gate, int[] parts, (long Value, ulong NoiseKey)[] complements, long minimum) =>
        _gates.Add(new Gate(gate, parts, complements, minimum));

    public void Protect()
    {
        if (rules.Perturbs) ProtectPerturbed();
        else ProtectExact();
    }

    private void ProtectPerturbed()
    {
        var k = rules.MinimumGroupSize;
        for (var cell = 0; cell < _values.Count; cell++)
        {
            if (_states[cell] != State.Published) continue;
            _shown[cell] = rules.Perturb(_values[cell], _noiseKeys[cell]);
            if (_shown[cell] < k) _states[cell] = State.Suppressed;
        }
        CloseGates(cell => _shown[cell], complement => rules.Perturb(complement.Value, complement.NoiseKey));
        for (var group = 0; group < _groupEnds.Count; group++)
        {
            var start = group == 0 ? 0 : _groupEnds[group - 1];
            var total = _groupMembers[start];
            if (IsWithheld(total)) continue;
            for (var i = start + 1; i < _groupEnds[group]; i++)
            {
                var part = _groupMembers[i];
                if (!IsWithheld(part) && _shown[total] - _shown[part] < k) _states[part] = State.Suppressed;
            }
        }
    }

    private void ProtectExact()
    {
        var minimumGroupSize = rules.MinimumGroupSize;
        for (var cell = 0; cell < _values.Count; cell++)
            if (_states[cell] == State.Published && _values[cell] > 0 && _values[cell] < minimumGroupSize)
                _states[cell] = State.Suppressed;
        CloseGates(cell => _values[cell], complement => complement.Value);

        var relationsOf = RelationsByCell(out var relationsOfStart);
        SecureRelations(Enumerable.Range(0, _relationEnds.Count), minimumGroupSize, relationsOf, relationsOfStart);

        // Audit: a reader can chain relations, e.g. work out a withheld zero from its role split, then its sibling from
        // their parent. Whenever a small group can be worked out, withhold one more cell on the chain that revealed it.
        while (true)
        {
            var derivedBy = DerivableWithheldCells(relationsOf, relationsOfStart);
            var added = new List<int>();
            foreach (var (cell, _) in derivedBy)
                if (_values[cell] > 0 && _values[cell] < minimumGroupSize && BreakChain(cell, derivedBy, []) is { } withheld)
                    added.Add(withheld);
            if (added.Count == 0) return;
            SecureRelations(added.SelectMany(cell => RelationsContaining(cell, relationsOf, relationsOfStart)).Distinct(), minimumGroupSize, relationsOf, relationsOfStart);
        }
    }

    private void CloseGates(Func<int, long> gateValue, Func<(long Value, ulong NoiseKey), long> complementValue)
    {
        foreach (var gate in _gates)
        {
            var open = gateValue(gate.Cell) >= gate.Minimum && gate.Complements.All(c => c.Value == 0 || complementValue(c) >= gate.Minimum);
            if (open) continue;
            foreach (var part in gate.Parts)
                if (_states[part] == State.Published) _states[part] = State.Suppressed;
        }
    }

    /// <summary>Checks the given relations, and again every relation of each cell withheld on the way; each re-check follows a new withheld cell, so this ends.</summary>
    private void SecureRelations(IEnumerable<int> relations, int minimumGroupSize, int[] relationsOf, int[] relationsOfStart)
    {
        var queued = new bool[_relationEnds.Count];
        var pending = new Queue<int>();
        foreach (var relation in relations)
        {
            queued[relation] = true;
            pending.Enqueue(relation);
        }
        while (pending.TryDequeue(out var relation))
        {
            queued[relation] = false;
            if (SecureRelation(relation, minimumGroupSize) is not { } withheld) continue;
            foreach (var affected in RelationsContaining(withheld, relationsOf, relationsOfStart))
            {
                if (queued[affected]) continue;
                queued[affected] = true;
                pending.Enqueue(affected);
            }
        }
    }

    private static ArraySegment<int> RelationsContaining(int cell, int[] relationsOf, int[] relationsOfStart) =>
        new(relationsOf, relationsOfStart[cell], relationsOfStart[cell + 1] - relationsOfStart[cell]);

    /// <summary>Withholds a published cell of the relation that revealed <paramref name="cell"/>, or else of a relation that revealed one of its inputs.</summary>
    private int? BreakChain(int cell, Dictionary<int, int> derivedBy, HashSet<int> visited)
    {
        if (!visited.Add(cell) || !derivedBy.TryGetValue(cell, out var relation)) return null;
        if (Candidate(relation) is { } candidate)
        {
            _states[candidate] = State.Suppressed;
            return candidate;
        }
        foreach (var input in Members(relation).ToArray())
            if (input != cell && BreakChain(input, derivedBy, visited) is { } withheld)
                return withheld;
        return null;
    }

    /// <summary>
    /// What a reader can work out: starting from the published cells, any relation with one unknown cell left reveals it.
    /// Returns each withheld cell revealed this way with the relation that revealed it.
    /// </summary>
    private Dictionary<int, int> DerivableWithheldCells(int[] relationsOf, int[] relationsOfStart)
    {
        var known = new bool[_values.Count];
        for (var cell = 0; cell < known.Length; cell++) known[cell] = !IsWithheld(cell);
        var unknownLeft = new int[_relationEnds.Count];
        var ready = new Queue<int>();
        for (var relation = 0; relation < _relationEnds.Count; relation++)
        {
            foreach (var cell in Members(relation)) if (!known[cell]) unknownLeft[relation]++;
            if (unknownLeft[relation] == 1) ready.Enqueue(relation);
        }

        var derived = new Dictionary<int, int>();
        while (ready.TryDequeue(out var relation))
        {
            if (unknownLeft[relation] != 1) continue;
            var cell = -1;
            foreach (var member in Members(relation)) if (!known[member]) cell = member;
            known[cell] = true;
            derived[cell] = relation;
            foreach (var affected in RelationsContaining(cell, relationsOf, relationsOfStart))
                if (--unknownLeft[affected] == 1) ready.Enqueue(affected);
        }
        return derived;
    }

    private ReadOnlySpan<int> Members(int relation)
    {
        var start = relation == 0 ? 0 : _relationEnds[relation - 1];
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_members).Slice(start, _relationEnds[relation] - start);
    }

    private int? Candidate(int relation)
    {
        var candidate = -1;
        foreach (var cell in Members(relation))
            if (_states[cell] == State.Published && (candidate < 0 || IsBetterComplement(_values[cell], _values[candidate])))
                candidate = cell;
        return candidate < 0 ? null : candidate;
    }

    /// <summary>For each cell, the relations it is a member of, as one flat array with start offsets per cell.</summary>
    private int[] RelationsByCell(out int[] start)
    {
        start = new int[_values.Count + 1];
        foreach (var cell in _members) start[cell + 1]++;
        for (var cell = 0; cell < _values.Count; cell++) start[cell + 1] += start[cell];
        var next = (int[])start.Clone();
        var relationsOf = new int[_members.Count];
        var memberIndex = 0;
        for (var relation = 0; relation < _relationEnds.Count; relation++)
            for (; memberIndex < _relationEnds[relation]; memberIndex++)
                relationsOf[next[_members[memberIndex]]++] = relation;
        return relationsOf;
    }

    /// <summary>Withholds one more cell of the relation if it is not yet safe; returns that cell.</summary>
    private int? SecureRelation(int relation, int minimumGroupSize)
    {
        long withheldSum = 0;
        var withheld = 0;
        var onlyHidden = true;
        foreach (var cell in Members(relation))
        {
            if (!IsWithheld(cell)) continue;
            withheld++;
            withheldSum += _values[cell];
            onlyHidden &= _states[cell] == State.Hidden;
        }

        var safe = withheldSum == 0 || (withheldSum >= minimumGroupSize && (withheld >= 2 || onlyHidden));
        if (safe || Candidate(relation) is not { } candidate) return null;
        _states[candidate] = State.Suppressed;
        return candidate;
    }

    /// <summary>The smallest cell that counts someone protects best at least cost; a zero only when nothing else is left.</summary>
    private static bool IsBetterComplement(long value, long current) => current == 0 ? value > 0 : value > 0 && value < current;
}
