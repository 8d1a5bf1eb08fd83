package org.nodepoint.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.users.Level;
import org.nodepoint.users.Viewer;

class ProductServiceTest {
    @TempDir
    Path folder;

    private TestNodePoint node;
    private ProductService products;
    private Viewer projectManager;
    private Viewer ticketManager;

    @BeforeEach
    void start() {
        node = TestNodePoint.configured(folder);
        products = node.wiring.products;
        projectManager = node.viewer(node.user("planner", Level.PROJECTS_MANAGEMENT));
        ticketManager = node.viewer(node.user("fixer", Level.TICKETS_MANAGEMENT));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void create_adds_product_and_release() {
        Product product = products.create(projectManager, new ProductForm(" Laptops ", "X1", "Work laptops", "Private", "2.0"));

        assertThat(product.name()).isEqualTo("Laptops");
        assertThat(product.visibility()).isEqualTo("Private");
        assertThat(products.releases(product.id())).extracting(Release::version).containsExactly("2.0");
    }

    @Test
    void ticket_manager_cannot_create_product() {
        assertThatThrownBy(() -> products.create(ticketManager, new ProductForm("Laptops", "", "", "Public", "")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(products.listAll()).isEmpty();
    }

    @Test
    void names_are_unique_ignoring_case() {
        products.create(projectManager, new ProductForm("Laptops", "", "", "Public", ""));

        assertThatThrownBy(() -> products.create(projectManager, new ProductForm("LAPTOPS", "", "", "Public", "")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(products.listAll()).hasSize(1);
    }

    @Test
    void non_ascii_names_are_unique_ignoring_case() {
        products.create(projectManager, new ProductForm("Ärger", "", "", "Public", ""));

        assertThatThrownBy(() -> products.create(projectManager, new ProductForm("äRGER", "", "", "Public", "")))
                .isInstanceOf(ConflictException.class);
        assertThat(products.listAll()).hasSize(1);
    }

    @Test
    void rename_to_taken_name_is_rejected() {
        products.create(projectManager, new ProductForm("Laptops", "", "", "Public", ""));
        Product phones = products.create(projectManager, new ProductForm("Phones", "", "", "Public", ""));

        assertThatThrownBy(() -> products.update(projectManager, phones.id(), new ProductForm("laptops", "", "", "Public", "")))
                .isInstanceOf(ConflictException.class);
        Product renamed = products.update(projectManager, phones.id(), new ProductForm("PHONES", "", "", "Archived", ""));

        assertThat(renamed.name()).isEqualTo("PHONES");
        assertThat(renamed.visibility()).isEqualTo("Archived");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Public", "Private", "Restricted", "Archived", "restricted"})
    void known_visibilities_are_accepted(String visibility) {
        Product product = products.create(projectManager, new ProductForm("Laptops", "", "", visibility, ""));

        assertThat(product.visibility()).isEqualToIgnoringCase(visibility);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Hidden", "Everyone"})
    void unknown_visibility_is_rejected(String visibility) {
        assertThatThrownBy(() -> products.create(projectManager, new ProductForm("Laptops", "", "", visibility, "")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().has("visibility")).isTrue());
        assertThat(products.listAll()).isEmpty();
    }

    @Test
    void empty_name_is_rejected() {
        assertThatThrownBy(() -> products.create(projectManager, new ProductForm("  ", "", "", "Public", "")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().has("name")).isTrue());
    }

    @Test
    void ticket_manager_adds_release() {
        Product product = node.product("Laptops", "Public");

        Release release = products.addRelease(ticketManager, product.id(), " 1.1 ", "Fixes");

        assertThat(release.version()).isEqualTo("1.1");
        assertThat(release.createdByName()).isEqualTo("fixer");
        assertThat(products.releases(product.id())).extracting(Release::version).containsExactly("1.0", "1.1");
    }

    @Test
    void restricted_viewer_cannot_add_release() {
        Product product = node.product("Laptops", "Public");
        Viewer auditor = node.viewer(node.user("auditor", Level.RESTRICTED_VIEW));

        assertThatThrownBy(() -> products.addRelease(auditor, product.id(), "1.1", "")).isInstanceOf(ForbiddenException.class);
        assertThat(products.releases(product.id())).hasSize(1);
    }

    @Test
    void duplicate_version_is_rejected_per_product() {
        Product laptops = node.product("Laptops", "Public");
        Product phones = node.product("Phones", "Public");

        assertThatThrownBy(() -> products.addRelease(ticketManager, laptops.id(), "1.0", ""))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("version"));
        products.addRelease(ticketManager, phones.id(), "2.0", "");

        assertThat(products.releases(laptops.id())).hasSize(1);
        assertThat(products.releases(phones.id())).extracting(Release::version).containsExactly("1.0", "2.0");
    }

    @Test
    void list_visible_follows_level() {
        node.product("Open", "Public");
        node.product("Members", "Private");
        node.product("Staff", "Restricted");
        node.product("Old", "Archived");

        assertThat(products.listVisible(Viewer.guest())).extracting(Product::name).containsExactly("Old", "Open");
        assertThat(products.listVisible(node.viewer(node.user("reader", 0)))).extracting(Product::name).containsExactly("Members", "Old", "Open");
        assertThat(products.listVisible(node.viewer(node.user("auditor", 2)))).extracting(Product::name)
                .containsExactly("Members", "Old", "Open", "Staff");
        assertThat(products.listVisible(projectManager)).hasSize(4);
    }
}
