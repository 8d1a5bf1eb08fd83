package org.nodepoint.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nodepoint.uploads.AttachmentRoutesTest.signedIn;
import static org.nodepoint.uploads.UploadTesting.sha256;
import static org.nodepoint.uploads.UploadTesting.storedFiles;
import static org.nodepoint.uploads.UploadTesting.temporaryFiles;
import static org.nodepoint.uploads.UploadTesting.utf8;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nodepoint.config.Settings;
import org.nodepoint.projects.Product;
import org.nodepoint.testing.Browser;
import org.nodepoint.testing.MultipartForm;
import org.nodepoint.testing.TestImages;
import org.nodepoint.testing.TestNodePoint;

/** Product images: accepted by their leading bytes only, served with their real type. */
class ProductImageRoutesTest {
    @TempDir
    Path folder;

    @Test
    void png_named_gif_is_served_as_png() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Printers", "Public");
            node.user("manager", 4);
            byte[] png = TestImages.png();
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager");

                Browser.Page saved = upload(manager, product, "logo.gif", png);

                assertThat(saved.status()).isEqualTo(302);
                assertThat(saved.location()).isEqualTo("/projects/" + product.id() + "/edit");
                Browser.Download image = new Browser(client.getOrigin()).download("/projects/" + product.id() + "/image");
                assertThat(image.status()).isEqualTo(200);
                assertThat(image.header("Content-Type")).isEqualTo("image/png");
                assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(sha256(image.body())).isEqualTo(sha256(png));
                Document page = Jsoup.parse(manager.get("/projects/" + product.id()).body());
                assertThat(page.select("img.product-image").attr("src")).isEqualTo("/projects/" + product.id() + "/image");
                assertThat(page.select("img.product-image").attr("alt")).isEqualTo("Image of Printers");
            });
        }
    }

    @Test
    void jpeg_and_gif_are_recognised() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Printers", "Public");
            node.user("manager", 4);
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager");
                for (Map.Entry<String, String> format : Map.of("jpg", "image/jpeg", "gif", "image/gif").entrySet()) {
                    assertThat(upload(manager, product, "picture.png", TestImages.encode(format.getKey())).status()).isEqualTo(302);

                    Browser.Download image = manager.download("/projects/" + product.id() + "/image");

                    assertThat(image.header("Content-Type")).as(format.getKey()).isEqualTo(format.getValue());
                }
            });
        }
    }

    @Test
    void html_named_png_is_rejected() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Printers", "Public");
            node.user("manager", 4);
            List<byte[]> notImages = List.of(utf8("<html><body><script>alert(1)</script></body></html>"),
                    utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"),
                    utf8("GIF8 is not enough of a signature"));
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager");
                for (byte[] content : notImages) {
                    Browser.Page page = upload(manager, product, "logo.png", content);

                    assertThat(page.status()).isEqualTo(422);
                    assertThat(Jsoup.parse(page.body()).select("#image-error").text())
                            .isEqualTo("The file logo.png is not a PNG, JPEG or GIF image. Only these formats are accepted; "
                                    + "SVG is not, because it can contain scripts.");
                }

                assertThat(manager.download("/projects/" + product.id() + "/image").status()).isEqualTo(404);
                assertThat(storedFiles(node)).isEmpty();
                assertThat(temporaryFiles(node)).isEmpty();
            });
        }
    }

    @Test
    void new_image_replaces_old_file() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Printers", "Public");
            node.user("manager", 4);
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager");
                upload(manager, product, "first.png", TestImages.png());
                List<String> first = storedFiles(node);

                upload(manager, product, "second.gif", TestImages.encode("gif"));
                List<String> second = storedFiles(node);
                manager.get("/projects/" + product.id() + "/edit");
                Browser.Page removed = manager.post("/projects/" + product.id() + "/image/delete", Map.of());

                assertThat(first).hasSize(1);
                assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
                assertThat(removed.status()).isEqualTo(302);
                assertThat(storedFiles(node)).isEmpty();
                assertThat(manager.download("/projects/" + product.id() + "/image").status()).isEqualTo(404);
            });
        }
    }

    @Test
    void hidden_product_image_is_not_found() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product hidden = node.product("Server room", "Restricted");
            node.user("member", 1);
            node.user("viewer", 2);
            node.user("manager", 4);
            node.http((server, client) -> {
                upload(signedIn(client.getOrigin(), "manager"), hidden, "room.png", TestImages.png());
                String path = "/projects/" + hidden.id() + "/image";

                assertThat(new Browser(client.getOrigin()).download(path).status()).isEqualTo(404);
                assertThat(signedIn(client.getOrigin(), "member").download(path).status()).isEqualTo(404);
                assertThat(signedIn(client.getOrigin(), "viewer").download(path).status()).isEqualTo(200);
            });
        }
    }

    @Test
    void below_upload_level_cannot_set_image() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.UPLOAD_LEVEL, "5"))) {
            Product product = node.product("Printers", "Public");
            node.user("manager", 4);
            node.http((server, client) -> {
                Browser.Page page = upload(signedIn(client.getOrigin(), "manager"), product, "logo.png", TestImages.png());

                assertThat(page.status()).isEqualTo(403);
                assertThat(storedFiles(node)).isEmpty();
            });
        }
    }

    @Test
    void image_over_max_size_is_rejected() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.MAX_UPLOAD_SIZE, "50"))) {
            Product product = node.product("Printers", "Public");
            node.user("manager", 4);
            byte[] png = TestImages.png();
            node.http((server, client) -> {
                Browser.Page page = upload(signedIn(client.getOrigin(), "manager"), product, "logo.png", png);

                assertThat(png.length).isGreaterThan(50);
                assertThat(page.status()).isEqualTo(422);
                assertThat(Jsoup.parse(page.body()).select("#image-error").text()).contains("more than the limit of 50 bytes");
                assertThat(storedFiles(node)).isEmpty();
            });
        }
    }

    @Test
    void missing_file_names_the_field() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            Product product = node.product("Printers", "Public");
            node.user("manager", 4);
            node.http((server, client) -> {
                Browser manager = signedIn(client.getOrigin(), "manager");
                manager.get("/projects/" + product.id() + "/edit");

                Browser.Page page = manager.postMultipart("/projects/" + product.id() + "/image",
                        new MultipartForm().file("image", "", new byte[0]));

                assertThat(page.status()).isEqualTo(422);
                assertThat(Jsoup.parse(page.body()).select("#image-error").text()).isEqualTo("Choose an image file to upload.");
            });
        }
    }

    private static Browser.Page upload(Browser browser, Product product, String name, byte[] content) {
        browser.get("/projects/" + product.id() + "/edit");
        return browser.postMultipart("/projects/" + product.id() + "/image", new MultipartForm().file("image", name, content));
    }
}
