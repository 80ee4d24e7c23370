package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;

@Revision(id = "c3c3c3c3c3c3", parents = "c2c2c2c2c2c2", message = "index email concurrently",
        created = "2026-07-01T09:20:00", transactional = false)
public class R20260701_0920_c3c3c3c3c3c3_index_email_concurrently implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createIndexConcurrently("customer", index("ix_customer_lower_name", "name"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropIndexConcurrently("customer", index("ix_customer_lower_name", "name"));
    }
}
