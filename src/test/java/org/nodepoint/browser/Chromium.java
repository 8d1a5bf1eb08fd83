package org.nodepoint.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Both paths are given
 * explicitly, so Selenium Manager never runs and nothing is downloaded. The flags keep Chromium
 * off every network but the loopback servers that the tests start.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser with an empty profile in a temporary folder, which {@link #close} deletes. */
    static Chromium start() {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser tests need " + BINARY + " and " + DRIVER
                    + ": install the Debian packages chromium and chromium-driver (apt-get install chromium chromium-driver)");
        }
        System.setProperty("SE_OFFLINE", "true");
        Path profile = newProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-extensions", "--user-data-dir=" + profile,
                // Bootstrap scrolls smoothly unless reduced motion is requested, and chromedriver would
                // click at the element's old position before the smooth scroll ends.
                "--force-prefers-reduced-motion",
                // Phones draw scroll bars over the page, but a classic scroll bar would narrow the page by 15 px.
                "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    /**
     * Sets the size of the page area in CSS pixels. The window is resized twice, because its outer
     * size includes a frame of a size that only the page can measure, even in headless mode.
     */
    void resize(Viewport viewport) {
        driver.manage().window().setSize(new Dimension(viewport.width, viewport.height));
        List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
        int frameWidth = viewport.width - ((Number) inner.get(0)).intValue();
        int frameHeight = viewport.height - ((Number) inner.get(1)).intValue();
        if (frameWidth != 0 || frameHeight != 0) {
            driver.manage().window().setSize(new Dimension(viewport.width + frameWidth, viewport.height + frameHeight));
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the Chromium profile folder " + profile, e);
        }
    }

    private static Path newProfile() {
        try {
            return Files.createTempDirectory("nodepoint-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary Chromium profile folder", e);
        }
    }
}
