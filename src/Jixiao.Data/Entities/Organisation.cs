namespace Jixiao.Data.Entities;

public enum OrganisationKind
{
    /// <summary>主管部门 (e.g. 市人社局): reviews its units.</summary>
    Department,
    /// <summary>预算单位 / 资金使用单位.</summary>
    Unit,
    /// <summary>财政部门 (财政局 / 财政厅): sees its region.</summary>
    FinanceBureau,
}

public static class OrganisationKinds
{
    public static string ChineseName(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Department => "主管部门",
        OrganisationKind.Unit => "预算单位",
        OrganisationKind.FinanceBureau => "财政部门",
        _ => kind.ToString(),
    };
}

/// <summary>A department, unit or finance bureau, in a region and optionally under a parent organisation.</summary>
public sealed class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>统一社会信用代码 or an internal code, when known.</summary>
    public string? Code { get; set; }
    public OrganisationKind Kind { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int? ParentId { get; set; }
    public Organisation? Parent { get; set; }
    public List<Organisation> Children { get; set; } = [];
}
