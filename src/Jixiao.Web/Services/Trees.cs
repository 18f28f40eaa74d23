namespace Jixiao.Web.Services;

/// <summary>The one walk of a parent-linked tree (regions, organisations): a node and every node below it.</summary>
public static class Trees
{
    /// <summary>
    /// <paramref name="root"/> and its descendants in <paramref name="nodes"/> (id, parent id), root first, each
    /// once (a cycle in the data does not loop).
    /// </summary>
    public static List<int> Subtree(IEnumerable<(int Id, int? ParentId)> nodes, int root)
    {
        var children = nodes.ToLookup(n => n.ParentId, n => n.Id);
        var result = new List<int>();
        var seen = new HashSet<int>();
        var stack = new Stack<int>([root]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id)) continue;
            result.Add(id);
            foreach (var c in children[id]) stack.Push(c);
        }
        return result;
    }
}
