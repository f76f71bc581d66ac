using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace DigitalInitiativer.Api.Exports;

/// <summary>
/// CSV as Danish Excel opens it with a double click: UTF-8 with a byte order mark, ';' between values, a decimal comma,
/// quoting where a value needs it (by Sep). Text that a spreadsheet would take for a formula (starting with =, +, -, @,
/// a tab or a carriage return) gets a leading apostrophe, as OWASP recommends against CSV injection.
/// </summary>
public static class SpreadsheetCsv
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(';').Writer(options => options with { Escape = true }).To(text))
        {
            foreach (var values in rows)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < header.Count; i++) row[header[i]].Set(Cell(values[i]));
            }
        }
        var csv = text.ToString();
        if (csv.Length == 0) csv = string.Join(';', header) + Environment.NewLine;
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
    }

    /// <summary>How one value is written: numbers with a decimal comma, true/false as ja/nej, text neutralised, null empty.</summary>
    public static string Cell(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "ja" : "nej",
        int number => number.ToString(Danish),
        double number => number.ToString("0.####", Danish),
        string text => Neutralised(text),
        _ => Neutralised(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    public static string Neutralised(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
