using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeGoogle.Discovery;
using MonitoramentoBKP.FakeGoogle.Model;

namespace MonitoramentoBKP.FakeGoogle.Sheets;

/// <summary>spreadsheets.get and spreadsheets.batchUpdate.</summary>
internal sealed class SpreadsheetOperations(DiscoveryDocument discovery)
{
    private readonly ConditionTypes conditions = new(discovery);

    /// <summary>
    /// The spreadsheet without grid data. The fields mask is accepted and ignored (the whole resource comes back);
    /// ranges limit the sheets returned to those they name.
    /// </summary>
    public static JsonObject Get(SheetsCall call)
    {
        if (call.QueryFlag("includeGridData"))
        {
            throw FakeApiError.NotImplemented("spreadsheets.get with includeGridData");
        }
        return call.Spreadsheet.Read(spreadsheet =>
        {
            var json = spreadsheet.ToJson(call.BaseUri);
            var ranges = call.QueryValues("ranges");
            if (ranges.Count > 0)
            {
                var named = ranges.Select(r => SheetRange.Resolve(spreadsheet, r, "ranges").Sheet.SheetId).ToHashSet();
                json["sheets"] = new JsonArray([.. json["sheets"]!.AsArray()
                    .Where(s => named.Contains(s!["properties"]!.AsObject().Int("sheetId")))
                    .Select(s => s!.DeepClone())]);
            }
            return json;
        });
    }

    /// <summary>Applies the requests in order on a copy of the spreadsheet: if one is refused, none is applied.</summary>
    public JsonObject BatchUpdate(SheetsCall call)
    {
        var requests = call.Body.Array("requests");
        if (requests.Count == 0)
        {
            throw FakeApiError.InvalidArgument("Must specify at least one request.", "requests");
        }
        return call.Spreadsheet.Change(spreadsheet =>
        {
            var replies = new JsonArray();
            for (var i = 0; i < requests.Count; i++)
            {
                var request = requests[i]!.AsObject();
                if (request.Count != 1)
                {
                    // Request is a oneof: exactly one kind per entry.
                    throw FakeApiError.InvalidArgument(
                        request.Count == 0
                            ? $"Invalid requests[{i}]: No request set."
                            : $"Invalid requests[{i}]: only one kind of request may be set, got {string.Join(", ", request.Select(p => p.Key))}.",
                        $"requests[{i}]");
                }
                var (kind, body) = request.Single();
                var context = new BatchRequestContext(spreadsheet, discovery, conditions, $"requests[{i}].{kind}");
                var requestBody = body!.AsObject();
                replies.Add(kind switch
                {
                    "addSheet" => SheetRequests.AddSheet(context, requestBody),
                    "deleteSheet" => SheetRequests.DeleteSheet(context, requestBody),
                    "updateSheetProperties" => SheetRequests.UpdateSheetProperties(context, requestBody),
                    "appendDimension" => SheetRequests.AppendDimension(context, requestBody),
                    "repeatCell" => FormatRequests.RepeatCell(context, requestBody),
                    "updateDimensionProperties" => FormatRequests.UpdateDimensionProperties(context, requestBody),
                    "addConditionalFormatRule" => FormatRequests.AddConditionalFormatRule(context, requestBody),
                    "deleteConditionalFormatRule" => FormatRequests.DeleteConditionalFormatRule(context, requestBody),
                    _ => throw context.NotImplemented("this kind of request"),
                });
            }
            var response = new JsonObject { ["spreadsheetId"] = spreadsheet.Id, ["replies"] = replies };
            if (call.Body.OptionalBool("includeSpreadsheetInResponse") == true)
            {
                response["updatedSpreadsheet"] = spreadsheet.ToJson(call.BaseUri);
            }
            return response;
        });
    }
}
