using System.Reflection;
using System.Text.RegularExpressions;
using DigitalInitiativer.Api.SeedWork;

namespace DigitalInitiativer.Tests.Language;

/// <summary>Every text people read is kept as a <see cref="Text"/> in a catalogue: each must exist in Danish and English, with the same values in it.</summary>
public sealed partial class TextCatalogueTests
{
    public static TheoryData<string> Keys()
    {
        var keys = new TheoryData<string>();
        foreach (var (key, _) in AllTexts()) keys.Add(key);
        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_message_key_has_both_languages_with_the_same_placeholders(string key)
    {
        var text = AllTexts().Single(t => t.Key == key).Text;
        Assert.False(string.IsNullOrWhiteSpace(text.Danish), $"{key} has no Danish text");
        Assert.False(string.IsNullOrWhiteSpace(text.English), $"{key} has no English text");
        Assert.NotEqual(text.English, text.Danish);
        Assert.Equal(Placeholders(text.English), Placeholders(text.Danish));
    }

    [Fact]
    public void The_catalogues_hold_the_apis_texts() => Assert.True(AllTexts().Count() > 100, $"only {AllTexts().Count()} texts found");

    private static IEnumerable<(string Key, Text Text)> AllTexts() =>
        typeof(Text).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(Text) && field.IsInitOnly)
                .Select(field => ($"{type.Name}.{field.Name}", (Text)field.GetValue(null)!)));

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
