package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Revision(id = "c2c2c2c2c2c2", parents = "c1c1c1c1c1c1", message = "add email and seed customers",
        created = "2026-07-01T09:10:00")
public class R20260701_0910_c2c2c2c2c2c2_add_email_and_seed implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("customer", column("email", varchar(320)));
        op.createUniqueConstraint("uq_customer_email", "customer", "email");
        Map<String, Object> noEmail = new HashMap<>();
        noEmail.put("id", 2L);
        noEmail.put("name", "Back\\slash; semi");
        noEmail.put("email", null);
        op.bulkInsert("customer", List.of(
                Map.of("id", 1L, "name", "O'Brien", "email", "ob@example.com"),
                noEmail));
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM customer WHERE id IN (1, 2)");
        op.dropConstraint("uq_customer_email", "customer");
        op.dropColumn("customer", "email");
    }
}
