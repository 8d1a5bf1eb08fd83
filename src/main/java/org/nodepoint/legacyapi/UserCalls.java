package org.nodepoint.legacyapi;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.nodepoint.auth.LoginThrottle;
import org.nodepoint.auth.SignInLog;
import org.nodepoint.config.Settings;
import org.nodepoint.config.SettingsStore;
import org.nodepoint.directory.SignInCheck;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.syslog.LogCategory;
import org.nodepoint.syslog.SystemLog;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;

/**
 * API calls on accounts: list_users, add_user, verify_password and change_password. While a
 * directory or the authentication command checks passwords, add_user and change_password return
 * ERR_AD_ENABLED with the messages of NodePoint 1.x, and verify_password goes through that check.
 */
final class UserCalls {
    /** NodePoint 1.x kept only these characters of a user name, so "John Smith" named JohnSmith. */
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[^A-Za-z0-9._@-]");
    private static final int MIN_NAME_LENGTH = 3;
    private static final int MAX_NAME_LENGTH = 20;
    private static final String VERIFY_PASSWORD = "through the API call verify_password";

    private final LegacyApi api;
    private final UserService users;
    private final SignInCheck signInCheck;
    private final LoginThrottle throttle;
    private final SignInLog signInLog;
    private final SystemLog systemLog;
    private final SettingsStore settings;

    UserCalls(LegacyApi api, UserService users, SignInCheck signInCheck, LoginThrottle throttle, SignInLog signInLog, SystemLog systemLog, SettingsStore settings) {
        this.api = api;
        this.users = users;
        this.signInCheck = signInCheck;
        this.throttle = throttle;
        this.signInLog = signInLog;
        this.systemLog = systemLog;
        this.settings = settings;
    }

    void register(Map<String, LegacyApi.Call> calls) {
        calls.put("list_users", this::listUsers);
        calls.put("add_user", this::addUser);
        calls.put("verify_password", this::verifyPassword);
        calls.put("change_password", this::changePassword);
    }

    private LegacyJson listUsers(ApiRequest request) {
        api.checkReadKey(request);
        List<List<LegacyJson.Field>> items = users.listLocalInCreationOrder().stream()
                .map(user -> LegacyJson.object(
                        "name", user.name(),
                        "access_level", String.valueOf(user.level()),
                        "email", user.email()))
                .toList();
        return LegacyJson.envelope("Users list.", "OK").put("users", items);
    }

    private LegacyJson addUser(ApiRequest request) {
        String name = sanitizeName(request.required("user"));
        if (name.length() < MIN_NAME_LENGTH || name.length() > MAX_NAME_LENGTH) {
            throw ApiError.badLength("user", "between " + MIN_NAME_LENGTH + " and " + MAX_NAME_LENGTH + " characters");
        }
        String password = request.required("password");
        checkPasswordLength(password);
        api.checkWriteKey(request);
        if (settings.current().externalSignIn()) {
            throw new ApiError("ERR_AD_ENABLED", "Users are synchronized with Active Directory.");
        }
        User user;
        try {
            user = users.createFromApi(name, password, request.optional("email"));
        } catch (ValidationException invalid) {
            throw translate(invalid.errors());
        } catch (ConflictException taken) {
            throw new ApiError("ERR_INVALID_ARGUMENT", "User already exist.");
        }
        api.logWrite("add_user", api.apiActor(), request, "user " + user.id());
        systemLog.record(LogCategory.USERS, request.address(), "Created user " + user.name() + " at level " + user.level()
                + " through the API call add_user");
        // NodePoint 1.x also returned the confirmation code under "confirm". The code now goes only to the
        // address, through the mail that createFromApi queues, so that only the address's owner can confirm it.
        return LegacyJson.envelope("User added.", "OK").put("user", user.name());
    }

    /**
     * Checks credentials as sign-in does, under the same throttle per name and per address, so the
     * call cannot be used to guess passwords faster than the sign-in form allows.
     */
    private LegacyJson verifyPassword(ApiRequest request) {
        String name = sanitizeName(request.required("user"));
        String password = request.required("password");
        api.checkReadKey(request);
        if (!throttle.tryAttempt(name, request.address())) {
            signInLog.throttled(name, request.address(), VERIFY_PASSWORD);
            throw new ApiError("ERR_INVALID_CRED", "Too many failed attempts. Wait 15 minutes and try again.");
        }
        SignInCheck.Result result = signInCheck.verify(name, password);
        if (result.unavailable()) {
            throttle.giveBack(name, request.address());
            throw new ApiError("ERR_AD_CONNECTION", "Could not connect to AD server.");
        }
        // A password set by a manager is only good for choosing a new one on the web, as on the sign-in page.
        if (result.user().filter(user -> !user.mustChangePassword()).isEmpty()) {
            signInLog.failed(name, request.address(), VERIFY_PASSWORD);
            throw new ApiError("ERR_INVALID_CRED", "Invalid credentials.");
        }
        throttle.recordSuccess(name, request.address());
        return LegacyJson.envelope("Credentials are valid.", "OK");
    }

    private LegacyJson changePassword(ApiRequest request) {
        String name = sanitizeName(request.required("user"));
        String password = request.required("password");
        checkPasswordLength(password);
        api.checkWriteKey(request);
        if (settings.current().externalSignIn()) {
            throw new ApiError("ERR_AD_ENABLED", "Passwords are synchronized with Active Directory.");
        }
        User user;
        try {
            user = users.setPassword(name, password);
        } catch (NotFoundException unknown) {
            throw new ApiError("ERR_INVALID_CRED", "Invalid user name.");
        } catch (ValidationException invalid) {
            throw translate(invalid.errors());
        }
        api.logWrite("change_password", api.apiActor(), request, "password of user " + user.id() + "; their sessions ended");
        return LegacyJson.envelope("Password changed.", "OK");
    }

    private void checkPasswordLength(String password) {
        int min = settings.current().minPasswordLength();
        if (password.length() < min || password.length() > Settings.MAX_PASSWORD_LENGTH) {
            throw ApiError.badLength("password", "between " + min + " and " + Settings.MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private static String sanitizeName(String name) {
        return NAME_CHARACTERS.matcher(name).replaceAll("");
    }

    /** Maps the service's field errors to the API's parameter names, codes and a message naming the rule. */
    private ApiError translate(FieldErrors errors) {
        String field = errors.asMap().keySet().iterator().next();
        String key = errors.get(field).key();
        return switch (key) {
            case "users.name.length" -> ApiError.badLength("user", "between " + MIN_NAME_LENGTH + " and " + MAX_NAME_LENGTH + " characters");
            case "users.name.characters" -> invalidBecause("user", "letters, digits, dots and dashes only");
            case "users.name.reserved" -> invalidBecause("user", "reserved name");
            case "users.password.length" -> ApiError.badLength("password",
                    "between " + settings.current().minPasswordLength() + " and " + Settings.MAX_PASSWORD_LENGTH + " characters");
            case "users.password.common" -> invalidBecause("password", "one of the 1,000 most common passwords");
            case "users.password.characters" -> invalidBecause("password", "blank or containing control characters");
            case "users.email.length" -> ApiError.badLength("email", "at most 99 characters");
            case "users.email.invalid" -> invalidBecause("email", "not a valid e-mail address");
            default -> ApiError.invalid(field.equals("name") ? "user" : field);
        };
    }

    private static ApiError invalidBecause(String parameter, String rule) {
        return new ApiError("ERR_INVALID_ARGUMENT", "Invalid '" + parameter + "' value (" + rule + ").");
    }
}
