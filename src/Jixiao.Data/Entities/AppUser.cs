using Microsoft.AspNetCore.Identity;

namespace Jixiao.Data.Entities;

/// <summary>The four roles. The names are what users see.</summary>
public static class Roles
{
    /// <summary>填报 — a unit's filler: edits its own organisation's documents.</summary>
    public const string Filler = "填报";
    /// <summary>审核 — a department's reviewer: sees its organisation's subtree.</summary>
    public const string Reviewer = "审核";
    /// <summary>财政 — a finance bureau: sees its region's subtree.</summary>
    public const string Finance = "财政";
    /// <summary>管理员 — sees and manages everything.</summary>
    public const string Admin = "管理员";

    public static readonly string[] All = [Filler, Reviewer, Finance, Admin];
}

/// <summary>A person, acting for one organisation.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>An API key for scripts: only its SHA-256 hash is stored; the secret is shown once.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the key, shown in lists so a user can tell keys apart.</summary>
    public required string Prefix { get; set; }
    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
