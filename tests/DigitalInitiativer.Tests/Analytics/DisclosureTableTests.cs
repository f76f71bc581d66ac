using DigitalInitiativer.Api.Analytics.Disclosure;

namespace DigitalInitiativer.Tests.Analytics;

/// <summary>The suppression rules on tables small enough to check by hand.</summary>
public sealed class DisclosureTableTests
{
    [Fact]
    public void A_small_cell_and_one_more_in_its_relation_are_withheld()
    {
        var table = new DisclosureTable(DisclosureRules.SuppressionOnly(5));
        int[] cells = [table.Add(20), table.Add(2), table.Add(9), table.Add(9)];
        table.Relate(cells);

        table.Protect();

        Assert.Equal([false, true, true, false], cells.Select(table.IsWithheld));
    }

    [Fact]
    public void A_fixed_published_total_forces_the_other_part_to_be_withheld()
    {
        var table = new DisclosureTable(DisclosureRules.SuppressionOnly(5));
        int[] cells = [table.AddFixed(10, suppressed: false), table.Add(6), table.Add(4)];
        table.Relate(cells);

        table.Protect();

        Assert.Equal([false, true, true], cells.Select(table.IsWithheld));
    }

    [Fact]
    public void Zeros_are_shown_unless_they_are_needed_to_hide_a_small_group()
    {
        var table = new DisclosureTable(DisclosureRules.SuppressionOnly(5));
        int[] open = [table.Add(12), table.Add(0), table.Add(12)];
        int[] tiny = [table.Add(2), table.Add(0), table.Add(2), table.Add(0)];
        table.Relate(open);
        table.Relate(tiny);

        table.Protect();

        Assert.Equal([false, false, false], open.Select(table.IsWithheld));
        Assert.All(tiny, cell => Assert.True(table.IsWithheld(cell)));
    }

    [Fact]
    public void A_hidden_remainder_of_at_least_k_protects_a_single_withheld_part()
    {
        var table = new DisclosureTable(DisclosureRules.SuppressionOnly(5));
        int[] cells = [table.Add(40), table.Add(2), table.Add(30), table.AddHidden(8)];
        table.Relate(cells);

        table.Protect();

        Assert.Equal([false, true, false, true], cells.Select(table.IsWithheld));
    }

    [Fact]
    public void Withholding_spreads_through_shared_cells_until_every_relation_is_safe()
    {
        var table = new DisclosureTable(DisclosureRules.SuppressionOnly(5));
        var (parent, left, right) = (table.Add(30), table.Add(3), table.Add(27));
        var (leftA, leftB) = (table.Add(1), table.Add(2));
        table.Relate([parent, left, right]);
        table.Relate([left, leftA, leftB]);

        table.Protect();

        Assert.True(table.IsWithheld(left) && table.IsWithheld(leftA) && table.IsWithheld(leftB));
        Assert.True(table.IsWithheld(right) || table.IsWithheld(parent));
    }
}
