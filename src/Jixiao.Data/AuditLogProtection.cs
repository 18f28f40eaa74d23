namespace Jixiao.Data;

/// <summary>
/// The audit log is append-only in the database itself, not only by the app's good manners: triggers on
/// <c>audit_log</c> refuse every UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) with <see cref="Message"/>.
/// Created by the AppendOnlyAudit migration of each provider. A restore is unaffected: SQLite's backup API
/// copies pages (no row is updated or deleted), and pg_restore --clean drops and re-creates the table,
/// loads the rows with COPY (inserts) and creates the triggers afterwards.
/// Someone who owns the database can still drop the triggers; the hash chain (<see cref="AuditChain"/>) catches what they then change.
/// </summary>
public static class AuditLogProtection
{
    /// <summary>The error the database raises (appears in the provider's exception message).</summary>
    public const string Message = "审计日志只允许追加，禁止修改或删除";

    public const string SqliteUpdateTrigger = "audit_log_no_update";
    public const string SqliteDeleteTrigger = "audit_log_no_delete";
    public const string PgFunction = "audit_log_append_only";
    public const string PgRowTrigger = "audit_log_no_update_delete";
    public const string PgTruncateTrigger = "audit_log_no_truncate";

    public static readonly string[] SqliteCreate =
    [
        $"CREATE TRIGGER {SqliteUpdateTrigger} BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
        $"CREATE TRIGGER {SqliteDeleteTrigger} BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '{Message}'); END;",
    ];

    public static readonly string[] SqliteDrop =
    [
        $"DROP TRIGGER IF EXISTS {SqliteUpdateTrigger};",
        $"DROP TRIGGER IF EXISTS {SqliteDeleteTrigger};",
    ];

    public static readonly string[] PgCreate =
    [
        $"""
        CREATE OR REPLACE FUNCTION {PgFunction}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{Message}（%）', TG_OP USING ERRCODE = 'insufficient_privilege';
        END;
        $$;
        """,
        $"CREATE TRIGGER {PgRowTrigger} BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION {PgFunction}();",
        $"CREATE TRIGGER {PgTruncateTrigger} BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION {PgFunction}();",
    ];

    public static readonly string[] PgDrop =
    [
        $"DROP TRIGGER IF EXISTS {PgTruncateTrigger} ON audit_log;",
        $"DROP TRIGGER IF EXISTS {PgRowTrigger} ON audit_log;",
        $"DROP FUNCTION IF EXISTS {PgFunction}();",
    ];
}
