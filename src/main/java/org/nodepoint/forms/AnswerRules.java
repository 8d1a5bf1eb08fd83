package org.nodepoint.forms;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import org.nodepoint.articles.ArticleSummary;
import org.nodepoint.clients.Client;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.inventory.ItemSummary;
import org.nodepoint.tasks.Task;
import org.nodepoint.text.UserText;
import org.nodepoint.tickets.Priority;
import org.nodepoint.uploads.AttachmentService;
import org.nodepoint.uploads.FileNames;
import org.nodepoint.uploads.IncomingFile;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.nodepoint.web.PathIds;

/**
 * Checks the answers to a custom form, one rule per field type, and returns the values to store.
 * Each error names the question in its message and the answer's form field as its key. Values are
 * stored as typed after cleaning, except choices, which are stored in their listed spelling, and
 * files, whose answer is the cleaned file name. A required file question binds only users who may
 * upload (upload_lvl): the others see a note instead of the file input and may file without it.
 */
final class AnswerRules {
    static final int MAX_SHORT_TEXT_LENGTH = 200;
    static final int MAX_LONG_TEXT_LENGTH = 10_000;
    static final int MAX_NUMBER_LENGTH = 30;
    /** RFC 5321 limits a whole address to 254 characters. */
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_PHONE_LENGTH = 30;

    /** An optional minus sign, digits, and optionally a decimal point or comma with more digits. */
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");
    /** Digits with the usual separators, and an optional leading plus; at least three digits are checked apart. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]+");
    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final String CHECKED = "Yes";
    private static final String UNCHECKED = "No";

    /**
     * The checked answers: one per field, in form order, the users to assign, the priority label
     * for the ticket, the valid files to store by position, the client to bill (null for none) with
     * the answer that chose it, and the errors (empty when every answer is valid).
     */
    record Checked(List<TicketAnswer> answers, Set<Long> assigneeIds, String priority, Map<Integer, IncomingFile> files,
            ClientChoice client, FieldErrors errors) {
    }

    /** The client that a client field chose, with the field's form name and question for a later error. */
    record ClientChoice(long clientId, String fieldName, String question) {
    }

    private final Function<String, Optional<User>> findUser;
    private final AttachmentService attachments;
    private final LongFunction<List<ItemSummary>> checkedOutBy;
    private final LongFunction<Optional<Client>> findClient;
    private final OpenTasks openTasks;

    /** The look-up of a user's open tasks in one project. */
    @FunctionalInterface
    interface OpenTasks {
        List<Task> of(long userId, long productId);
    }

    private final ArticleChoice findArticle;

    /** Finds an article that an article field may name: published, visible to the viewer, and for the project or for all. */
    interface ArticleChoice {
        Optional<ArticleSummary> find(Viewer viewer, long productId, long articleId);
    }

    /**
     * Takes the look-ups that the fields need: users by name for the user and assignee fields, the
     * upload rules for file fields, a user's checked-out items for the own items field, clients
     * by id for the client field, a user's open tasks of a project for the own tasks field, and the
     * articles that an article field may name.
     */
    AnswerRules(Function<String, Optional<User>> findUser, AttachmentService attachments,
            LongFunction<List<ItemSummary>> checkedOutBy, LongFunction<Optional<Client>> findClient, OpenTasks openTasks,
            ArticleChoice findArticle) {
        this.findUser = findUser;
        this.attachments = attachments;
        this.checkedOutBy = checkedOutBy;
        this.findClient = findClient;
        this.openTasks = openTasks;
        this.findArticle = findArticle;
    }

    /** Checks the answers that {@code viewer} submitted for a ticket of the product; nothing is written. */
    Checked check(TicketForm form, long productId, AnswerSet submitted, String submitterAddress, Viewer viewer) {
        FieldErrors errors = new FieldErrors();
        List<TicketAnswer> answers = new ArrayList<>();
        Set<Long> assignees = new LinkedHashSet<>();
        Map<Integer, IncomingFile> files = new LinkedHashMap<>();
        boolean canUpload = attachments.limits(viewer).canUpload();
        String priority = Priority.NORMAL.label();
        List<ClientChoice> clients = new ArrayList<>();
        for (FormField field : form.fields()) {
            String key = AnswerSet.fieldName(field.position());
            String value = switch (field.type()) {
                case SUBMITTER_ADDRESS -> submitterAddress;
                case USER, ASSIGNEE -> checkUser(field, submitted.value(field.position()), key, errors, assignees);
                case FILE -> checkFile(field, submitted.filesAt(field.position()), key, viewer, canUpload, errors, files);
                case OWN_ITEMS -> checkOwnItem(field, submitted.value(field.position()), key, errors, viewer);
                case OWN_TASKS -> checkOwnTask(field, submitted.value(field.position()), key, errors, viewer, productId);
                case CLIENT -> checkClient(field, submitted.value(field.position()), key, errors, clients);
                case ARTICLE -> checkArticle(field, submitted.value(field.position()), key, errors, viewer, productId);
                default -> checkValue(field, submitted.value(field.position()), key, errors);
            };
            if (field.type() == FieldType.PRIORITY && !value.isEmpty()) {
                priority = value;
            }
            boolean answered = field.type() == FieldType.CHECKBOX ? CHECKED.equals(value) : !value.isEmpty();
            boolean required = field.required() && (field.type() != FieldType.FILE || canUpload);
            if (!answered && required && !errors.has(key)) {
                errors.add(key, field.type() == FieldType.CHECKBOX ? "forms.answer.unchecked" : "forms.answer.required", field.question());
            }
            answers.add(new TicketAnswer(field.position(), field.question(), field.type().key(), value, null));
        }
        return new Checked(answers, assignees, priority, files, clients.isEmpty() ? null : clients.get(0), errors);
    }

    /** Returns the value to store, or "" with an error added when the answer is invalid. */
    private static String checkValue(FormField field, String raw, String key, FieldErrors errors) {
        String question = field.question();
        String text = field.type() == FieldType.LONG_TEXT ? UserText.multiLine(raw) : UserText.singleLine(raw);
        return switch (field.type()) {
            case SHORT_TEXT -> maxLength(text, MAX_SHORT_TEXT_LENGTH, question, key, errors);
            case LONG_TEXT -> maxLength(text, MAX_LONG_TEXT_LENGTH, question, key, errors);
            case NUMBER -> matching(text, NUMBER, MAX_NUMBER_LENGTH, "forms.answer.number", question, key, errors);
            case EMAIL -> text.isEmpty() || (text.length() <= MAX_EMAIL_LENGTH && UserService.isValidEmail(text)) ? text
                    : invalid("forms.answer.email", question, key, errors);
            case PHONE -> isPhone(text) ? text : invalid("forms.answer.phone", question, key, errors);
            case DATE -> isDate(text) ? text : invalid("forms.answer.date", question, key, errors);
            case CHECKBOX -> checkbox(text, question, key, errors);
            case SCALE -> choice(text, field.type(), "forms.answer.scale", question, key, errors);
            case YES_NO, TRUE_FALSE, SATISFACTION, PRIORITY -> choice(text, field.type(), "forms.answer.choice", question, key, errors);
            // The editor rejects types that are not available, so a form never contains one.
            default -> throw new IllegalStateException("No answer rule for field type " + field.type());
        };
    }

    private String checkUser(FormField field, String raw, String key, FieldErrors errors, Set<Long> assignees) {
        String name = UserText.singleLine(raw);
        if (name.isEmpty()) {
            return "";
        }
        boolean assignee = field.type() == FieldType.ASSIGNEE;
        Optional<User> user = findUser.apply(name)
                .filter(User::canSignIn)
                .filter(found -> !assignee || found.level() >= Level.TICKETS_MANAGEMENT);
        if (user.isEmpty()) {
            return invalid(assignee ? "forms.answer.assignee" : "forms.answer.user", field.question(), key, errors);
        }
        if (assignee) {
            assignees.add(user.get().id());
        }
        return user.get().name();
    }

    /**
     * Returns the cleaned name of the one file sent, adding it to {@code files}, or "" when none
     * was sent or with an error added when the viewer may not upload or the file breaks a rule.
     */
    private String checkFile(FormField field, List<IncomingFile> sent, String key, Viewer viewer, boolean canUpload,
            FieldErrors errors, Map<Integer, IncomingFile> files) {
        if (sent.isEmpty()) {
            return "";
        }
        if (!canUpload) {
            return invalid("forms.answer.file.forbidden", field.question(), key, errors);
        }
        if (sent.size() > 1) {
            return invalid("forms.answer.file.count", field.question(), key, errors);
        }
        attachments.check(viewer, key, sent, errors);
        if (errors.has(key)) {
            return "";
        }
        files.put(field.position(), sent.get(0));
        return FileNames.clean(sent.get(0).submittedName());
    }

    /** Returns the label of the submitter's checked-out item whose id was chosen, or "" with an error for any other id. */
    private String checkOwnItem(FormField field, String raw, String key, FieldErrors errors, Viewer submitter) {
        String id = UserText.singleLine(raw);
        if (id.isEmpty()) {
            return "";
        }
        List<ItemSummary> own = submitter.isGuest() ? List.of() : checkedOutBy.apply(submitter.userId());
        return own.stream().filter(item -> String.valueOf(item.id()).equals(id)).findFirst().map(ItemSummary::label)
                .orElseGet(() -> invalid("forms.answer.ownItem", field.question(), key, errors));
    }

    /** Returns the label of the submitter's open task in the project whose id was chosen, or "" with an error for any other id. */
    private String checkOwnTask(FormField field, String raw, String key, FieldErrors errors, Viewer submitter, long productId) {
        String id = UserText.singleLine(raw);
        if (id.isEmpty()) {
            return "";
        }
        List<Task> own = submitter.isGuest() ? List.of() : openTasks.of(submitter.userId(), productId);
        return own.stream().filter(task -> String.valueOf(task.id()).equals(id)).findFirst().map(AnswerRules::taskLabel)
                .orElseGet(() -> invalid("forms.answer.ownTask", field.question(), key, errors));
    }

    /** Returns the text that an own-tasks answer stores and the form offers: "description (due yyyy-mm-dd)". */
    static String taskLabel(Task task) {
        return task.description() + " (due " + task.dueDate() + ")";
    }

    /** Accepts the id of a client that is not Closed, and returns the client's name to store as the answer. */
    private String checkClient(FormField field, String raw, String key, FieldErrors errors, List<ClientChoice> chosen) {
        String text = UserText.singleLine(raw);
        if (text.isEmpty()) {
            return "";
        }
        Long id = PathIds.parseNumber(text);
        Optional<Client> client = id == null ? Optional.empty() : findClient.apply(id).filter(found -> !found.isClosed());
        if (client.isEmpty()) {
            return invalid("forms.answer.client", field.question(), key, errors);
        }
        chosen.add(new ClientChoice(client.get().id(), key, field.question()));
        return client.get().name();
    }

    /** Accepts the id of an article that the field may name, and returns the id to store as the answer. */
    private String checkArticle(FormField field, String raw, String key, FieldErrors errors, Viewer viewer, long productId) {
        String text = UserText.singleLine(raw);
        if (text.isEmpty()) {
            return "";
        }
        Long id = PathIds.parseNumber(text);
        Optional<ArticleSummary> article = id == null ? Optional.empty() : findArticle.find(viewer, productId, id);
        return article.map(found -> String.valueOf(found.id()))
                .orElseGet(() -> invalid("forms.answer.article", field.question(), key, errors));
    }

    private static String maxLength(String text, int max, String question, String key, FieldErrors errors) {
        if (text.length() > max) {
            errors.add(key, "forms.answer.length", question, max);
            return "";
        }
        return text;
    }

    private static String matching(String text, Pattern pattern, int max, String messageKey, String question, String key,
            FieldErrors errors) {
        return text.isEmpty() || (text.length() <= max && pattern.matcher(text).matches()) ? text : invalid(messageKey, question, key, errors);
    }

    private static boolean isPhone(String text) {
        long digits = text.chars().filter(c -> c >= '0' && c <= '9').count();
        return text.isEmpty() || (text.length() <= MAX_PHONE_LENGTH && digits >= 3 && PHONE.matcher(text).matches());
    }

    private static boolean isDate(String text) {
        if (text.isEmpty()) {
            return true;
        }
        if (!DATE_SHAPE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text, ISO_DATE);
            return true;
        } catch (DateTimeParseException invalid) {
            return false;
        }
    }

    /** Returns "Yes" for a ticked box, which sends the value that the page gives it, and "No" for an unticked box, which sends nothing. */
    private static String checkbox(String text, String question, String key, FieldErrors errors) {
        if (text.isEmpty()) {
            return UNCHECKED;
        }
        return CHECKED.equals(text) ? CHECKED : invalid("forms.answer.checkbox", question, key, errors);
    }

    /** Accepts one of the type's choices in any letter case and returns its listed spelling. */
    private static String choice(String text, FieldType type, String messageKey, String question, String key, FieldErrors errors) {
        if (text.isEmpty()) {
            return "";
        }
        return type.choices().stream().filter(choice -> choice.equalsIgnoreCase(text)).findFirst()
                .orElseGet(() -> {
                    errors.add(key, messageKey, question, String.join(", ", type.choices()));
                    return "";
                });
    }

    private static String invalid(String messageKey, String question, String key, FieldErrors errors) {
        errors.add(key, messageKey, question);
        return "";
    }
}
