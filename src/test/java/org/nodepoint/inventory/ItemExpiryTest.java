package org.nodepoint.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.Origin;
import org.nodepoint.submissions.Submission;
import org.nodepoint.testing.ManualClock;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

/**
 * Expiry dates end at midnight in the site's time zone. The clock starts at 2026-03-02 09:00 UTC,
 * which is 22:00 on the same day in Auckland (UTC+13 in March).
 */
class ItemExpiryTest {
    @TempDir
    Path folder;

    private final ManualClock clock = new ManualClock();
    private TestNodePoint node;
    private Viewer rita;
    private Viewer otto;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder, Map.of(Settings.TIME_ZONE, "Pacific/Auckland"), clock);
        rita = node.viewer(node.user("rita", Level.AUTHORIZED));
        otto = node.viewer(node.user("otto", Level.AUTHORIZED));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private long itemExpiring(LocalDate lastDay, boolean needsApproval) {
        ItemService items = node.wiring.items;
        long id = items.add(node.admin(), new ItemForm("Van", "Vehicle", null, "", "", needsApproval, ""), ItemRules.TypeRule.LISTED,
                Submission.NONE);
        items.setExpiry(node.admin(), id, lastDay);
        return id;
    }

    /** Moves the clock to the given instant, which must not be earlier than now. */
    private void moveTo(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private static String messageKey(ValidationException refused) {
        FieldErrors.Message message = refused.asMap().get(ItemService.STATUS_FIELD);
        return message.key();
    }

    @Test
    void last_second_of_expiry_day_allows_checkout() {
        long id = itemExpiring(LocalDate.parse("2026-03-02"), false);
        moveTo("2026-03-02T10:59:59Z");

        ItemStatus status = node.wiring.items.checkouts().checkOut(rita, id, Origin.WEB);

        assertThat(status).isEqualTo(ItemStatus.CHECKED_OUT);
        assertThat(node.wiring.items.today()).isEqualTo("2026-03-02");
    }

    @Test
    void first_second_after_expiry_day_refuses_checkout() {
        long id = itemExpiring(LocalDate.parse("2026-03-02"), false);
        moveTo("2026-03-02T11:00:00Z");

        assertThatThrownBy(() -> node.wiring.items.checkouts().checkOut(rita, id, Origin.WEB))
                .isInstanceOfSatisfying(ValidationException.class,
                        refused -> assertThat(messageKey(refused)).isEqualTo("inventory.notAvailable.expired"));
        assertThat(node.wiring.items.today()).isEqualTo("2026-03-03");
        assertThat(node.wiring.items.find(id).state()).isEqualTo(ItemStatus.AVAILABLE);
        assertThat(node.wiring.items.show(rita, id).expired()).isTrue();
    }

    @Test
    void assignment_after_expiry_day_is_refused() {
        long id = itemExpiring(LocalDate.parse("2026-03-02"), false);
        moveTo("2026-03-02T11:00:00Z");

        assertThatThrownBy(() -> node.wiring.items.checkouts().assignByName(node.admin(), id, "otto", Origin.WEB))
                .isInstanceOf(ValidationException.class);
        assertThat(node.wiring.items.find(id).holderId()).isNull();
    }

    @Test
    void utc_date_alone_would_still_allow_checkout() {
        long id = itemExpiring(LocalDate.parse("2026-03-02"), false);
        moveTo("2026-03-02T11:00:00Z");
        node.set(Settings.TIME_ZONE, "UTC");

        ItemStatus status = node.wiring.items.checkouts().checkOut(otto, id, Origin.WEB);

        assertThat(status).isEqualTo(ItemStatus.CHECKED_OUT);
    }

    @Test
    void request_of_item_expired_since_cannot_be_approved() {
        long id = itemExpiring(LocalDate.parse("2026-03-02"), true);
        node.wiring.items.checkouts().checkOut(rita, id, Origin.WEB);
        moveTo("2026-03-02T11:00:00Z");

        assertThatThrownBy(() -> node.wiring.items.checkouts().approve(node.admin(), id, Origin.WEB))
                .isInstanceOfSatisfying(ValidationException.class,
                        refused -> assertThat(messageKey(refused)).isEqualTo("inventory.approve.expired"));
        assertThat(node.wiring.items.find(id).state()).isEqualTo(ItemStatus.WAITING);

        node.wiring.items.checkouts().deny(node.admin(), id, Origin.WEB);

        assertThat(node.wiring.items.find(id).state()).isEqualTo(ItemStatus.AVAILABLE);
        assertThat(node.wiring.items.find(id).holderId()).isNull();
    }

    @Test
    void request_before_expiry_is_approved_on_last_day() {
        long id = itemExpiring(LocalDate.parse("2026-03-02"), true);
        node.wiring.items.checkouts().checkOut(rita, id, Origin.WEB);
        moveTo("2026-03-02T10:59:59Z");

        node.wiring.items.checkouts().approve(node.admin(), id, Origin.WEB);

        assertThat(node.wiring.items.find(id).state()).isEqualTo(ItemStatus.CHECKED_OUT);
    }

    @Test
    void removed_expiry_allows_checkout_again() {
        long id = itemExpiring(LocalDate.parse("2026-03-02"), false);
        moveTo("2026-03-05T00:00:00Z");

        boolean removed = node.wiring.items.setExpiry(node.admin(), id, null);
        ItemStatus status = node.wiring.items.checkouts().checkOut(rita, id, Origin.WEB);

        assertThat(removed).isTrue();
        assertThat(status).isEqualTo(ItemStatus.CHECKED_OUT);
        assertThat(node.wiring.items.show(node.admin(), id).history()).extracting(ItemHistoryEntry::action)
                .containsExactly("checked_out", "expiry_removed", "expiry_set", "added");
    }
}
