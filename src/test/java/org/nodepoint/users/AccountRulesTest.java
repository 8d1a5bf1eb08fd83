package org.nodepoint.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.nodepoint.testing.TestNodePoint.PASSWORD;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nodepoint.config.Settings;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.testing.TestNodePoint;
import org.nodepoint.web.Text;

/** The name, password and e-mail rules, with the message each rejection shows, on every path that sets them. */
class AccountRulesTest {
    private static final Text TEXT = new Text(Locale.ENGLISH);

    @TempDir
    Path folder;

    private static FieldErrors.Message rejection(Runnable action, String field) {
        ValidationException rejected = catchThrowableOfType(ValidationException.class, action::run);
        assertThat(rejected).as("expected a rejection of " + field).isNotNull();
        assertThat(rejected.errors().has(field)).as("error on " + field + " in " + rejected.errors().asMap()).isTrue();
        return rejected.errors().get(field);
    }

    private static String message(FieldErrors.Message message) {
        return TEXT.plain(message.key(), message.args());
    }

    private static void register(TestNodePoint node, String name, String password, String email) {
        node.wiring.users.register(name, password, password, email);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ab                    | The user name must be 3 to 20 characters long.",
        "abcdefghijklmnopqrstu | The user name must be 3 to 20 characters long.",
        "under_score           | The user name may contain only letters, digits, dots and dashes.",
        "two words             | The user name may contain only letters, digits, dots and dashes.",
        "zoë                   | The user name may contain only letters, digits, dots and dashes.",
        "x'or'1                | The user name may contain only letters, digits, dots and dashes.",
    })
    void invalid_name_is_rejected(String name, String expected) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            FieldErrors.Message error = rejection(() -> register(node, name, PASSWORD, ""), "name");

            assertThat(message(error)).isEqualTo(expected);
            assertThat(node.wiring.users.findByName(name)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "ADMIN", "guest", "Guest", "api", "API", "system", "System", "chief", "CHIEF"})
    void reserved_name_is_rejected(String name) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            node.wiring.users.configureAdmin("chief", TestNodePoint.ADMIN_PASSWORD, Map.of());

            FieldErrors.Message error = rejection(() -> register(node, name, PASSWORD, ""), "name");

            assertThat(error.key()).isEqualTo("users.name.reserved");
            assertThat(message(error)).isEqualTo("The name " + name + " is reserved. Choose another name.");
        }
    }

    @Test
    void names_are_unique_without_regard_to_case() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            register(node, "Alice.B", PASSWORD, "");

            ConflictException duplicate = catchThrowableOfType(ConflictException.class, () -> register(node, "alice.b", PASSWORD, ""));
            ConflictException apiDuplicate = catchThrowableOfType(ConflictException.class,
                    () -> node.wiring.users.createFromApi("ALICE.B", PASSWORD, ""));

            assertThat(duplicate.field()).isEqualTo("name");
            assertThat(TEXT.plain(duplicate.getMessage())).isEqualTo("This user name is already taken. Choose another one.");
            assertThat(apiDuplicate).isNotNull();
            assertThat(node.wiring.users.findByName("ALICE.B").orElseThrow().name()).isEqualTo("Alice.B");
        }
    }

    @Test
    void name_rules_accept_dots_dashes_and_bounds() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            for (String name : List.of("abc", "a".repeat(20), "j.doe-2", "Demo")) {
                register(node, name, PASSWORD, "");
            }

            assertThat(node.wiring.users.listLocalInCreationOrder()).extracting(User::name)
                    .containsExactly("abc", "a".repeat(20), "j.doe-2", "Demo");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "Password", "12345678", "iloveyou", "qwertyuiop", "Sunshine", "trustno1", "passw0rd",
        "password123"})
    void common_password_is_rejected(String password) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            FieldErrors.Message error = rejection(() -> register(node, "newbie", password, ""), "password");

            assertThat(message(error)).isEqualTo("This password is one of the 1,000 most common passwords. Choose a less common one.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"          ", "\t\t\t\t\t\t\t\t", "tangerine\norbit", "tangerine\u0000orbit"})
    void blank_or_control_password_is_rejected(String password) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            FieldErrors.Message error = rejection(() -> register(node, "newbie", password, ""), "password");

            assertThat(message(error)).isEqualTo("Password must contain a visible character and no control characters such as tabs or line breaks.");
        }
    }

    @Test
    void less_common_password_is_accepted() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            register(node, "newbie", "tangerine-orbit", "");

            assertThat(node.wiring.users.authenticate("newbie", "tangerine-orbit")).isPresent();
        }
    }

    @Test
    void password_length_follows_setting() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.MIN_PASSWORD_LENGTH, "12"))) {
            FieldErrors.Message tooShort = rejection(() -> register(node, "shorty", "k7#mqz-w2pa", ""), "password");
            FieldErrors.Message tooLong = rejection(() -> register(node, "longer", "k".repeat(129), ""), "password");
            register(node, "exact", "k7#mqz-w2pa9", "");

            assertThat(message(tooShort)).isEqualTo("The password must be 12 to 128 characters long.");
            assertThat(message(tooLong)).isEqualTo("The password must be 12 to 128 characters long.");
            assertThat(node.wiring.users.findByName("exact")).isPresent();
        }
    }

    @ParameterizedTest(name = "min_password_length={0}")
    @CsvSource({"3, 6", "6, 6", "'', 8", "lots, 8", "500, 128"})
    void password_length_setting_is_clamped(String setting, int expected) {
        assertThat(new Settings(Map.of(Settings.MIN_PASSWORD_LENGTH, setting)).minPasswordLength()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x', level='5", "name@localhost", "@example.com", "name@", "name@-example.com", "name@example.c",
        "näme@example.com", "name..x@example.com", ".name@example.com", "a b@example.com", "\"a b\"@example.com",
        "name@[127.0.0.1]", "new@bie@example.com", "name@example.com'; DROP TABLE users; --"})
    void invalid_email_is_rejected(String email) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            FieldErrors.Message error = rejection(() -> register(node, "newbie", PASSWORD, email), "email");

            assertThat(message(error)).isEqualTo("The e-mail address is not valid. It must look like name@example.com, "
                    + "with at most 64 characters before the @.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o'brien@example.com", "first.last+tag@sub.example.co.uk", "a'||'b@example.com", "x'--@example.com", "X@EXAMPLE.ORG"})
    void valid_email_is_stored_as_typed(String email) {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            register(node, "newbie", PASSWORD, email);

            User user = node.wiring.users.findByName("newbie").orElseThrow();
            assertThat(user.email()).isEqualTo(email);
            assertThat(user.level()).isEqualTo(1);
        }
    }

    @Test
    void email_longer_than_99_is_rejected() {
        String email = "a".repeat(60) + "@" + "d".repeat(35) + ".com";
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            FieldErrors.Message error = rejection(() -> register(node, "newbie", PASSWORD, email), "email");

            assertThat(message(error)).isEqualTo("The e-mail address must be at most 99 characters.");
        }
    }

    /** Returns each way of setting a password, keyed by a label, as a function of the password to set. */
    private static Map<String, Consumer<String>> passwordPaths(TestNodePoint node) {
        User dana = node.user("dana", 1);
        Viewer danaViewer = node.viewer(dana);
        return Map.of(
                "registration", password -> node.wiring.users.register("newbie", password, password, ""),
                "creation by a user manager", password -> node.wiring.userManagement.create(node.admin(),
                        new NewUser("created", "", 1, password, password)),
                "API add_user", password -> node.wiring.users.createFromApi("apiuser", password, ""),
                "own password change", password -> node.wiring.users.changeOwnPassword(danaViewer, PASSWORD, password, password),
                "API change_password", password -> node.wiring.users.setPassword("dana", password));
    }

    @Test
    void every_path_rejects_common_password() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            passwordPaths(node).forEach((path, setPassword) -> {
                FieldErrors.Message error = rejection(() -> setPassword.accept("qwertyuiop"), "password");

                assertThat(error.key()).as(path).isEqualTo("users.password.common");
            });
            assertThat(node.wiring.users.authenticate("dana", PASSWORD)).isPresent();
        }
    }

    @Test
    void every_path_rejects_short_password() {
        try (TestNodePoint node = TestNodePoint.configured(folder, Map.of(Settings.MIN_PASSWORD_LENGTH, "10"))) {
            passwordPaths(node).forEach((path, setPassword) -> {
                FieldErrors.Message error = rejection(() -> setPassword.accept("k7#mqz-w2"), "password");

                assertThat(message(error)).as(path).isEqualTo("The password must be 10 to 128 characters long.");
            });
        }
    }

    @Test
    void reset_password_meets_length_setting() {
        try (TestNodePoint node = TestNodePoint.configured(folder)) {
            User dana = node.user("dana", 1);
            node.set(Settings.MIN_PASSWORD_LENGTH, "40");

            String password = node.wiring.userManagement.resetPassword(node.admin(), dana.name());

            assertThat(password).hasSize(40).matches("[A-Za-z2-9]+");
            assertThat(node.wiring.users.authenticate("dana", password)).isPresent();
        }
    }
}
