package org.nodepoint.browser;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nodepoint.config.Settings;
import org.nodepoint.testing.TestNodePoint;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * Saves PNG screenshots of the main pages, at desktop and phone sizes, for the README. It starts a
 * NodePoint with {@link DemoData} in a temporary folder and signs in as the administrator. Run:
 * {@code mvn -B -ntp -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.nodepoint.browser.Screenshots}.
 * The optional argument is the output folder, docs/screenshots unless given.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(output);
        Path data = Files.createTempDirectory("nodepoint-screenshots-");
        try (TestNodePoint node = TestNodePoint.configured(data, Map.of(Settings.TICKET_VISIBILITY, "Public",
                Settings.SITE_NAME, "Example Help Desk"))) {
            DemoData.Featured featured = DemoData.fill(node);
            Javalin app = node.app().start("127.0.0.1", 0);
            try (Chromium chromium = Chromium.start()) {
                String origin = "http://127.0.0.1:" + app.port();
                signIn(chromium, origin);
                for (Map.Entry<String, String> page : pages(featured).entrySet()) {
                    for (Viewport viewport : Viewport.values()) {
                        chromium.resize(viewport);
                        chromium.driver.get(origin + page.getValue());
                        Path file = output.resolve(page.getKey() + "-" + viewport.name().toLowerCase(java.util.Locale.ROOT) + ".png");
                        Files.write(file, chromium.driver.getScreenshotAs(OutputType.BYTES));
                        System.out.println("Saved " + file);
                    }
                }
            } finally {
                app.stop();
            }
        }
        deleteFolder(data);
    }

    /** Returns the pages to capture: the file name's start and the path. */
    private static Map<String, String> pages(DemoData.Featured featured) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("tickets", "/tickets");
        pages.put("ticket", "/tickets/" + featured.ticketId());
        pages.put("item", "/items/" + featured.itemId());
        pages.put("statistics", "/stats");
        pages.put("settings", "/admin/settings");
        return pages;
    }

    private static void signIn(Chromium chromium, String origin) {
        chromium.resize(Viewport.DESKTOP);
        chromium.driver.get(origin + "/login");
        chromium.driver.findElement(By.id("name")).sendKeys("admin");
        chromium.driver.findElement(By.id("password")).sendKeys(TestNodePoint.ADMIN_PASSWORD);
        chromium.driver.findElement(By.cssSelector("main button[type=submit]")).click();
        if (chromium.driver.getCurrentUrl().endsWith("/login")) {
            throw new IllegalStateException("Signing in as admin failed, so the screenshots would show the sign-in page");
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
