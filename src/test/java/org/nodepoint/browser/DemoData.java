package org.nodepoint.browser;

import java.util.List;
import org.nodepoint.events.Origin;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.TestItems;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.tickets.NewTicket;
import org.nodepoint.tickets.TicketUpdate;
import org.nodepoint.users.User;
import org.nodepoint.users.Viewer;

/** A small help desk for the screenshots: three projects, a dozen tickets, inventory and articles. */
final class DemoData {
    /** The ticket and the item whose own pages the screenshots show. */
    record Featured(long ticketId, long itemId) {
    }

    private DemoData() {
    }

    static Featured fill(TestNodePoint node) {
        Product website = node.product("Website", "Public");
        Product network = node.product("Office network", "Public");
        Product printers = node.product("Printers", "Public");
        Viewer dana = node.viewer(node.user("dana", 3));
        Viewer sam = node.viewer(node.user("sam", 1));
        User lee = node.user("lee", 1);

        long featuredTicket = file(node, sam, printers, "Paper jam on the third floor", "The printer by the lifts jams on every second page.", "High");
        node.wiring.tickets.comment(dana, featuredTicket, "Opened the tray and found a folded sheet behind the roller.", Origin.WEB);
        node.wiring.tickets.update(dana, featuredTicket, new TicketUpdate(null, null, "Open", null, null, null,
                "Replaced the pickup roller; testing with a full tray.", "1.5"), Origin.WEB);
        node.wiring.tickets.comment(sam, featuredTicket, "Thanks, twenty pages went through without a jam.", Origin.WEB);

        List<String[]> others = List.of(
                new String[] {"Contact form sends no mail", "Messages from the contact page never reach the sales inbox.", "High"},
                new String[] {"Slow page loads in the shop", "Product pages take several seconds after the last update.", "Normal"},
                new String[] {"Broken link in the footer", "The privacy link points to an old address.", "Low"},
                new String[] {"Wi-Fi drops in meeting room B", "Laptops lose the connection every few minutes.", "Normal"},
                new String[] {"VPN certificate expires soon", "The gateway certificate is valid until the end of the month.", "High"},
                new String[] {"New starter needs network access", "Please add a port for the desk by the window.", "Low"},
                new String[] {"Toner low on the colour printer", "Cyan and magenta show under 10 %.", "Low"});
        Product[] products = {website, website, website, network, network, network, printers};
        Viewer[] authors = {node.admin(), sam, dana, node.admin(), sam, dana, sam};
        Viewer admin = node.admin();
        long adminId = node.wiring.users.findByName("admin").orElseThrow().id();
        for (int i = 0; i < others.size(); i++) {
            String[] ticket = others.get(i);
            long id = file(node, authors[i], products[i], ticket[0], ticket[1], ticket[2]);
            if (i % 3 == 1) {
                node.wiring.assignments.assign(admin, id, adminId, Origin.WEB);
            }
        }
        node.wiring.following.follow(admin, featuredTicket, Origin.WEB);
        node.wiring.assignments.assign(admin, featuredTicket, dana.userId(), Origin.WEB);
        node.wiring.shoutbox.post(dana, "The printer on floor 3 works again.");

        long laptop = TestItems.insert(node, "Loan laptop 7", "LT-0007", "Locker 12", "checked_out", lee.id());
        TestItems.insert(node, "Projector", "PJ-0002", "", "available", null);
        TestItems.insert(node, "Conference phone", "CP-0001", "", "available", null);
        node.article("Clearing a paper jam", printers, "Open the **front tray**, then pull the sheet towards you.", true);
        node.article("Connecting to the office VPN", null, "Install the client, then sign in with your usual account.", true);
        return new Featured(featuredTicket, laptop);
    }

    private static long file(TestNodePoint node, Viewer author, Product product, String title, String description, String priority) {
        return node.wiring.tickets.file(author, new NewTicket(product.id(), "", title, description, priority), Origin.WEB);
    }
}
