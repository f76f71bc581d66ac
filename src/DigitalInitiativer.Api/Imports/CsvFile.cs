using System.Text;
using DigitalInitiativer.Api.SeedWork;
using nietras.SeparatedValues;

namespace DigitalInitiativer.Api.Imports;

/// <summary>One data row of a CSV file: its line number in the file and its values, trimmed.</summary>
public sealed record CsvRecord(int Line, string[] Values)
{
    public string this[int column] => column < Values.Length ? Values[column] : "";
}

/// <summary>
/// A UTF-8 CSV file (with or without a BOM) read one row at a time with Sep. The delimiter, ';' or ',', is detected
/// from the header. Problems with the file itself (encoding, delimiter, missing columns) go to the report.
/// </summary>
public sealed class CsvFile : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly SepReader? _reader;
    private readonly ImportReport _report;
    private readonly string[] _columns = [];
    /// <summary>The format's columns: only these names are repeated in problems, as any other header cell could be a value.</summary>
    private HashSet<string> _known = [];

    private CsvFile(Stream stream, ImportReport report)
    {
        _report = report;
        try
        {
            var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true);
            _reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true }).From(text);
            _columns = _reader.Header.ColNames.Select(c => c.Trim().ToLowerInvariant()).ToArray();
            report.Delimiter = _reader.Spec.Sep.Separator;
        }
        catch (DecoderFallbackException)
        {
            report.Problem(1, 0, "", ImportCodes.Encoding, ImportTexts.NotUtf8.Format());
        }
    }

    public static CsvFile Open(Stream stream, ImportReport report) => new(stream, report);

    /// <summary>Whether the header could be read with one of the accepted delimiters; reports why not.</summary>
    public bool HasUsableHeader(IEnumerable<string> requiredColumns)
    {
        if (_reader is null) return false;
        if (_columns.Length < 2 || _reader.Spec.Sep.Separator is not (';' or ','))
        {
            _report.Problem(1, 0, "", ImportCodes.Delimiter, ImportTexts.BadDelimiter.Format());
            return false;
        }
        _known = [.. requiredColumns];
        var missing = requiredColumns.Where(c => !_columns.Contains(c)).ToList();
        foreach (var column in missing)
            _report.Problem(1, 0, column, ImportCodes.MissingColumn, ImportTexts.MissingColumn.Format(column, string.Join(", ", requiredColumns)));
        return missing.Count == 0;
    }

    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The 0-based index of a column, or -1.</summary>
    public int IndexOf(string column) => Array.IndexOf(_columns, column);

    public IEnumerable<CsvRecord> Rows()
    {
        if (_reader is null) yield break;
        var line = 1;
        while (true)
        {
            CsvRecord record;
            try
            {
                if (!_reader.MoveNext()) yield break;
                var row = _reader.Current;
                line = row.LineNumberFrom;
                var values = new string[row.ColCount];
                for (var i = 0; i < values.Length; i++) values[i] = row[i].ToString();
                record = new CsvRecord(line, values);
            }
            catch (DecoderFallbackException)
            {
                _report.Problem(line + 1, 0, "", ImportCodes.Encoding, ImportTexts.NotUtf8After.Format(line));
                yield break;
            }
            if (record.Values.All(string.IsNullOrEmpty)) continue;
            if (record.Values.Length != _columns.Length)
            {
                _report.Problem(record.Line, 0, "", ImportCodes.ColumnCount, ImportTexts.WrongColumnCount.Format(record.Values.Length, _columns.Length));
                continue;
            }
            for (var column = 0; column < record.Values.Length; column++)
                if (PlainText.HasForbiddenCharacters(record.Values[column]))
                    _report.Problem(record.Line, column + 1, _known.Contains(_columns[column]) ? _columns[column] : "", ImportCodes.ForbiddenCharacters, ImportTexts.ForbiddenCharacters.Format());
            _report.RowsRead++;
            yield return record;
        }
    }

    public void Dispose() => _reader?.Dispose();
}
