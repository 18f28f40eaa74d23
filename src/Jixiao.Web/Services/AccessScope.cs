using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Services;

/// <summary>
/// What the current user may see and change. Built in ONE place (<see cref="AccessScopeService"/>); every
/// query of documents, imports and findings goes through <see cref="Documents"/> or <see cref="CanSee"/>.
/// </summary>
public sealed class AccessScope
{
    public required string UserId { get; init; }
    public required string UserName { get; init; }
    public string DisplayName { get; init; } = "";
    public int? OrganisationId { get; init; }
    public string? OrganisationName { get; init; }
    public required IReadOnlySet<string> Roles { get; init; }
    public bool IsAdmin => Roles.Contains(Data.Entities.Roles.Admin);
    /// <summary>Organisations whose documents the user may read (ignored for admin: all).</summary>
    public required IReadOnlySet<int> VisibleOrganisationIds { get; init; }
    /// <summary>Organisations whose documents the user may create and edit (admin: all).</summary>
    public required IReadOnlySet<int> EditableOrganisationIds { get; init; }

    /// <summary>
    /// Organisations whose submissions this user reviews (approve, return, forward): a 审核 reviewer — the
    /// organisations strictly below its own; a 财政 finance bureau — the organisations of its own region that
    /// answer to no department (the departments themselves). Never the user's own organisation, and not for the
    /// administrator: nobody approves their own submission.
    /// </summary>
    public IReadOnlySet<int> ReviewableOrganisationIds { get; init; } = new HashSet<int>();

    public bool CanSee(int organisationId) => IsAdmin || VisibleOrganisationIds.Contains(organisationId);
    public bool CanReview(int organisationId) => ReviewableOrganisationIds.Contains(organisationId) && organisationId != OrganisationId;
    public bool CanEdit(int organisationId) => IsAdmin || EditableOrganisationIds.Contains(organisationId);

    /// <summary>The documents this user may read.</summary>
    public IQueryable<StoredDocument> Documents(JixiaoDb db)
    {
        if (IsAdmin) return db.Documents;
        var ids = VisibleOrganisationIds.ToList();
        return db.Documents.Where(d => ids.Contains(d.OrganisationId));
    }

    /// <summary>The organisations this user may read.</summary>
    public IQueryable<Organisation> Organisations(JixiaoDb db)
    {
        if (IsAdmin) return db.Organisations;
        var ids = VisibleOrganisationIds.ToList();
        return db.Organisations.Where(o => ids.Contains(o.Id));
    }
}

/// <summary>
/// Computes a user's <see cref="AccessScope"/>: 填报 — own organisation; 审核 — own organisation and the
/// organisations under it; 财政 — every organisation in its region and the regions under it; 管理员 — all.
/// </summary>
public sealed class AccessScopeService(JixiaoDb db)
{
    public async Task<AccessScope?> ForAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        return await ForUserIdAsync(userId, ct);
    }

    public async Task<AccessScope?> ForUserIdAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Organisation).FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return null;
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(ct);
        var roleSet = roles.ToHashSet(StringComparer.Ordinal);
        var visible = new HashSet<int>();
        var editable = new HashSet<int>();
        var reviewable = new HashSet<int>();
        if (user.OrganisationId is { } own)
        {
            var orgs = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.ParentId, o.RegionId, o.Kind }).ToListAsync(ct);
            if (roleSet.Contains(Roles.Filler))
            {
                visible.Add(own);
                editable.Add(own);
            }
            if (roleSet.Contains(Roles.Reviewer))
            {
                foreach (var id in Trees.Subtree(orgs.Select(o => (o.Id, o.ParentId)), own))
                {
                    visible.Add(id);
                    if (id != own) reviewable.Add(id);
                }
            }
            if (roleSet.Contains(Roles.Finance) && user.Organisation is { } org)
            {
                var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId }).ToListAsync(ct);
                var inRegion = Trees.Subtree(regions.Select(r => (r.Id, r.ParentId)), org.RegionId).ToHashSet();
                foreach (var o in orgs.Where(o => inRegion.Contains(o.RegionId)))
                {
                    visible.Add(o.Id);
                    // The finance bureau reviews the departments of its own region that answer to no department.
                    if (o.ParentId is null && o.Id != own && o.RegionId == org.RegionId && o.Kind != OrganisationKind.FinanceBureau) reviewable.Add(o.Id);
                }
            }
        }
        return new AccessScope
        {
            UserId = user.Id,
            UserName = user.UserName ?? "",
            DisplayName = user.DisplayName,
            OrganisationId = user.OrganisationId,
            OrganisationName = user.Organisation?.Name,
            Roles = roleSet,
            VisibleOrganisationIds = visible,
            EditableOrganisationIds = editable,
            ReviewableOrganisationIds = reviewable,
        };
    }
}
