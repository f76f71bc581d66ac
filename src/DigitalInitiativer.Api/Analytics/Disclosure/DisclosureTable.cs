namespace DigitalInitiativer.Api.Analytics.Disclosure;

/// <summary>
/// Statistical disclosure control for a set of counts that readers could combine.
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
public sealed class DisclosureTable
{
    private enum State : byte { Published, Suppressed, Hidden, FixedPublished, FixedSuppressed }

    private readonly List<long> _values = [];
    private readonly List<State> _states = [];
    private readonly List<int> _members = [];
    private readonly List<int> _relationEnds = [];

    public int Count => _values.Count;

    public int Add(long value) => Add(value, State.Published);

    public int AddHidden(long value) => Add(value, State.Hidden);

    public int AddFixed(long value, bool suppressed) => Add(value, suppressed ? State.FixedSuppressed : State.FixedPublished);

    private int Add(long value, State state)
    {
        _values.Add(value);
        _states.Add(state);
        return _values.Count - 1;
    }

    public long ValueOf(int cell) => _values[cell];

    public bool IsWithheld(int cell) => _states[cell] is not (State.Published or State.FixedPublished);

    /// <summary>The published value of a cell, or null when it is withheld.</summary>
    public long? Published(int cell) => IsWithheld(cell) ? null : _values[cell];

    /// <summary>Registers one equation between cells that a reader could use to work out a withheld cell.</summary>
    public void Relate(ReadOnlySpan<int> cells)
    {
        foreach (var cell in cells) _members.Add(cell);
        _relationEnds.Add(_members.Count);
    }

    public void Relate(IEnumerable<int> cells) => Relate([.. cells]);

    public void Protect(int minimumGroupSize)
    {
        for (var cell = 0; cell < _values.Count; cell++)
            if (_states[cell] == State.Published && _values[cell] > 0 && _values[cell] < minimumGroupSize)
                _states[cell] = State.Suppressed;

        // Check every relation once; when a cell is withheld, re-check only the relations it belongs to.
        // Every re-check is caused by a newly withheld cell, so this terminates.
        var relationsOf = RelationsByCell(out var relationsOfStart);
        var pending = new Queue<int>(Enumerable.Range(0, _relationEnds.Count));
        var queued = new bool[_relationEnds.Count];
        Array.Fill(queued, true);
        while (pending.TryDequeue(out var relation))
        {
            queued[relation] = false;
            if (SecureRelation(relation, minimumGroupSize) is not { } withheld) continue;
            for (var i = relationsOfStart[withheld]; i < relationsOfStart[withheld + 1]; i++)
            {
                var affected = relationsOf[i];
                if (queued[affected]) continue;
                queued[affected] = true;
                pending.Enqueue(affected);
            }
        }
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
        var start = relation == 0 ? 0 : _relationEnds[relation - 1];
        var end = _relationEnds[relation];
        long withheldSum = 0;
        var withheld = 0;
        var onlyHidden = true;
        var candidate = -1;
        for (var i = start; i < end; i++)
        {
            var cell = _members[i];
            if (IsWithheld(cell))
            {
                withheld++;
                withheldSum += _values[cell];
                onlyHidden &= _states[cell] == State.Hidden;
            }
            else if (_states[cell] == State.Published && (candidate < 0 || IsBetterComplement(_values[cell], _values[candidate])))
            {
                candidate = cell;
            }
        }

        var safe = withheldSum == 0 || (withheldSum >= minimumGroupSize && (withheld >= 2 || onlyHidden));
        if (safe || candidate < 0) return null;
        _states[candidate] = State.Suppressed;
        return candidate;
    }

    /// <summary>The smallest cell that counts someone protects best at least cost; a zero only when nothing else is left.</summary>
    private static bool IsBetterComplement(long value, long current) => current == 0 ? value > 0 : value > 0 && value < current;
}
