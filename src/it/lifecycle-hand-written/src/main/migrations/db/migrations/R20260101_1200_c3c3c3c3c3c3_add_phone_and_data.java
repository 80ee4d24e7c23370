package db.migrations;

import static dev.migrations.api.Schema.*;

import dev.migrations.api.Migration;
import dev.migrations.api.Operations;
import dev.migrations.api.Revision;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

@Revision(id = "c3c3c3c3c3c3", parents = "b2b2b2b2b2b2", message = "add phone and seed data", created = "2026-01-01T12:00:00")
public class R20260101_1200_c3c3c3c3c3c3_add_phone_and_data implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("customer", column("phone", varchar(32)));
        op.alterColumn("customer", "email", type(varchar(255), varchar(320)));
        op.createCheckConstraint("ck_order_total", "order", "total >= 0");
        op.bulkInsert("customer", List.of(Map.of("email", "ada@example.com"), Map.of("email", "bob@example.com")));
        op.run("give everyone a phone", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE customer SET phone = ?")) {
                update.setString(1, "+1 555 0100");
                update.executeUpdate();
            }
        });
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM customer WHERE email IN ('ada@example.com', 'bob@example.com')");
        op.dropConstraint("ck_order_total", "order");
        op.alterColumn("customer", "email", type(varchar(320), varchar(255)));
        op.dropColumn("customer", "phone");
    }
}
