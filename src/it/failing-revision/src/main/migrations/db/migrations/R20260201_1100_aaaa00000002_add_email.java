package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;
import java.util.List;
import java.util.Map;

/**
 * Broken on purpose: the first two operations succeed, the third names a column that does not
 * exist. verify.groovy rewrites this file to the fixed version after checking the failure.
 */
@Revision(id = "aaaa00000002", parents = "aaaa00000001", message = "add email", created = "2026-02-01T11:00:00")
public class R20260201_1100_aaaa00000002_add_email implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("account", column("email", varchar(320)));
        op.bulkInsert("account", List.of(Map.of("name", "ada", "email", "ada@example.com")));
        op.createIndex("ix_account_email", "account", "emial");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndex("ix_account_email");
        op.execute("DELETE FROM account WHERE name = 'ada'");
        op.dropColumn("account", "email");
    }
}
