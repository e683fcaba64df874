namespace HccOrleans.Grains.Interfaces.Reports;

/// <summary>One text cell of a report's CSV (RFC 4180).</summary>
public static class CsvCell
{
    /// <summary>
    /// A cell with a comma, quote or line break is quoted, its quotes doubled; one a spreadsheet would take for a
    /// formula gets a leading apostrophe.
    /// </summary>
    public static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@')
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
