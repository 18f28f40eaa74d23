namespace Jixiao.Data.Entities;

/// <summary>行政区划级次 — the same levels as the fund sources.</summary>
public enum RegionLevel
{
    /// <summary>国家</summary>
    National,
    /// <summary>省·自治区</summary>
    Province,
    /// <summary>市·盟</summary>
    City,
    /// <summary>县·旗</summary>
    County,
}

public static class RegionLevels
{
    public static string ChineseName(this RegionLevel level) => level switch
    {
        RegionLevel.National => "国家",
        RegionLevel.Province => "省·自治区",
        RegionLevel.City => "市·盟",
        RegionLevel.County => "县·旗",
        _ => level.ToString(),
    };
}

/// <summary>A region in the tree 国家 › 省 › 市 › 县.</summary>
public sealed class Region
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>行政区划代码 (GB/T 2260), when known.</summary>
    public string? Code { get; set; }
    public RegionLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Region? Parent { get; set; }
    public List<Region> Children { get; set; } = [];
    public List<Organisation> Organisations { get; set; } = [];
}
