using System.Text.Json.Nodes;

namespace VideoGen.TestSupport.FakeComfyUi;

/// <summary>Graph helpers for the fake: the order nodes run in.</summary>
internal static class FakeGraph
{
    /// <summary>The node ids in an order where every node comes after the nodes it takes links from.</summary>
    public static List<string> Order(JsonObject graph)
    {
        var order = new List<string>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = graph.Select(node => node.Key).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(id => Sources(graph, id).All(source => placed.Contains(source) || !graph.ContainsKey(source)))
                ?? remaining[0]; // a cycle: ComfyUI would refuse it; the fake just runs on
            order.Add(ready);
            placed.Add(ready);
            remaining.Remove(ready);
        }
        return order;
    }

    /// <summary>The ids of the nodes <paramref name="id"/> takes links from.</summary>
    public static IEnumerable<string> Sources(JsonObject graph, string id) =>
        (graph[id]?["inputs"] as JsonObject ?? new JsonObject())
            .Select(input => input.Value)
            .OfType<JsonArray>()
            .Where(link => link.Count == 2)
            .Select(link => link[0]?.ToString() ?? "");
}
