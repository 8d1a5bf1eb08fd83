package org.nodepoint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nodepoint.testing.TestItems;
import org.nodepoint.testing.TestNodePoint;
import org.openqa.selenium.By;

/** An inventory checkout that needs approval, in Chromium: a level 1 user requests it and a level 4 user approves. */
class ItemCheckoutBrowserTest extends ChromiumTest {

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void requestThenApprove(Viewport viewport) {
        use(viewport);
        long item = TestItems.insert(node, "Loan laptop 7", "LT-0007", "Locker 12, code 4711", "available", null);
        node.wiring.database.write().useHandle(handle -> handle.execute("UPDATE items SET needs_approval = 1 WHERE id = ?", item));
        node.user("member", 1);
        node.user("keeper", 4);

        signIn("member", TestNodePoint.PASSWORD);
        open("/items/" + item);
        assertThat(itemStatus()).isEqualTo("Available");
        press("Ask to check out");
        assertThat(itemStatus()).isEqualTo("Awaiting approval");

        forgetSession();
        signIn("keeper", TestNodePoint.PASSWORD);
        open("/items/approvals");
        assertThat(mainText()).contains("Loan laptop 7").contains("member");
        press("Approve");
        assertThat(mainText()).contains("No checkout request awaits approval.");

        open("/items/" + item);
        assertThat(itemStatus()).isEqualTo("Checked out");
        assertThat(mainText()).contains("member");
    }

    private String itemStatus() {
        return driver.findElement(By.id("item-status")).getText();
    }
}
