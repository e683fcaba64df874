using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HccOrleans.Grains.Interfaces.Reports;

namespace HccOrleans.Api.Exports;

/// <summary>
/// A <see cref="FormTable"/> as an .xlsx workbook, written with the Open XML SDK: one sheet, the title and its lines
/// on top, then the numbered headings (row <see cref="HeadingRow"/>) and the rows, counts as numbers.
/// </summary>
public static class FormSpreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The 1-based row of the headings: after the title, its lines and one blank row.</summary>
    public static int HeadingRow(FormTable table) => table.Lines.Length + 3;

    public static byte[] Write(FormTable table, string sheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>("rId1");
            var data = new SheetData();
            uint row = 1;
            data.Append(Row(row++, [table.Title]));
            foreach (var line in table.Lines)
            {
                data.Append(Row(row++, [line]));
            }

            row++;
            data.Append(Row(row++, table.Headings));
            foreach (var cells in table.Rows)
            {
                data.Append(Row(row++, cells));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName }));
            workbook.Workbook.Save();
        }

        return Reproducible(stream);
    }

    // The package stamps each entry with the instant it was written: a fixed stamp keeps a closed period's file
    // byte-for-byte the same on every download.
    private static byte[] Reproducible(MemoryStream written)
    {
        var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var zip = new System.IO.Compression.ZipArchive(written, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries)
            {
                entry.LastWriteTime = stamp;
            }
        }

        return written.ToArray();
    }

    private static Row Row(uint index, IEnumerable<object> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in cells)
        {
            var reference = Column(column++) + index;
            row.Append(value is int n
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString() ?? "")) });
        }

        return row;
    }

    /// <summary>A, B, …, Z, AA, …: the column letters of a 0-based column.</summary>
    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));
}
