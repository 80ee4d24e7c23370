package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

/** The safe variants of index-name and a new check: nothing to lint. */
@Revision(id = "d3d3d3d3d3d3", parents = "d2d2d2d2d2d2", message = "the safe way",
        created = "2026-08-01T09:20:00", transactional = false)
public class R20260801_0920_d3d3d3d3d3d3_the_safe_way implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createIndexConcurrently("customer", index("ix_customer_account", "account_id"));
        op.addConstraintNotValid("customer", check("ck_customer_account", "account_id > 0"));
        op.execute("ALTER TABLE customer VALIDATE CONSTRAINT ck_customer_account");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropConstraint("ck_customer_account", "customer");
        op.dropIndexConcurrently("customer", index("ix_customer_account", "account_id"));
    }
}
