package org.nodepoint.plugins;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the administrator's command template into the script that {@code /bin/sh -c} runs. Each
 * {@code %name%} that the run has a value for becomes a reference to the environment variable
 * {@code NODEPOINT_NAME}, quoted for its place in the shell syntax:
 * <ul>
 * <li>outside quotes: {@code "$NODEPOINT_NAME"}</li>
 * <li>inside double quotes: {@code ${NODEPOINT_NAME}}, already quoted by its surroundings</li>
 * <li>inside single quotes: {@code '"$NODEPOINT_NAME"'}, which closes and reopens them</li>
 * </ul>
 * The shell then expands each reference exactly once and never parses the value, so a value
 * cannot run a command whatever it contains. Other {@code %words%} stay as written.
 *
 * <p>NOTE: the quoting context is followed through quotes, backslashes, comments, {@code $( )} and
 * backticks, but not through here-documents or {@code case} patterns. There a reference may come
 * out unquoted or as literal text, which changes what the command receives, but the value is still
 * never parsed as shell code.
 */
final class CommandTemplate {
    static final String VARIABLE_PREFIX = "NODEPOINT_";
    private static final Pattern NAME = Pattern.compile("[a-z]+");

    /** The quoting in effect at the scanner's position; each {@code $(} or backtick opens a new unquoted context. */
    private enum Context { UNQUOTED, SINGLE_QUOTED, DOUBLE_QUOTED, COMMAND_SUBSTITUTION, BACKTICKS }

    private final String template;
    private final Set<String> names;
    private final StringBuilder script = new StringBuilder();
    private final Deque<Context> contexts = new ArrayDeque<>();
    /** Open parentheses inside each {@code $( )}, so that its own closing parenthesis is found. */
    private final Deque<Integer> parentheses = new ArrayDeque<>();
    private int position;

    private CommandTemplate(String template, Set<String> names) {
        this.template = template;
        this.names = names;
        contexts.push(Context.UNQUOTED);
    }

    /** Builds the script for a template; {@code names} are the value names of this run, such as "title". */
    static String script(String template, Set<String> names) {
        CommandTemplate scanner = new CommandTemplate(template, names);
        scanner.scan();
        return scanner.script.toString();
    }

    /** Returns the environment variable that carries the value of {@code %name%}. */
    static String variable(String name) {
        return VARIABLE_PREFIX + name.toUpperCase(Locale.ROOT);
    }

    private void scan() {
        while (position < template.length()) {
            if (template.charAt(position) == '%' && replaceName()) {
                continue;
            }
            switch (contexts.peek()) {
                case SINGLE_QUOTED -> scanSingleQuoted();
                case DOUBLE_QUOTED -> scanDoubleQuoted();
                default -> scanUnquoted();
            }
        }
    }

    /** Replaces the {@code %name%} at the current position when the run has that value. */
    private boolean replaceName() {
        int end = template.indexOf('%', position + 1);
        if (end < 0) {
            return false;
        }
        String name = template.substring(position + 1, end);
        if (!NAME.matcher(name).matches() || !names.contains(name)) {
            return false;
        }
        String variable = variable(name);
        script.append(switch (contexts.peek()) {
            case DOUBLE_QUOTED -> "${" + variable + "}";
            case SINGLE_QUOTED -> "'\"$" + variable + "\"'";
            default -> "\"$" + variable + "\"";
        });
        position = end + 1;
        return true;
    }

    private void scanSingleQuoted() {
        char c = copy();
        if (c == '\'') {
            contexts.pop();
        }
    }

    private void scanDoubleQuoted() {
        char c = copy();
        if (c == '\\') {
            copyNext();
        } else if (c == '"') {
            contexts.pop();
        } else if (c == '`') {
            contexts.push(Context.BACKTICKS);
        } else if (c == '$' && next() == '(') {
            openCommandSubstitution();
        }
    }

    private void scanUnquoted() {
        Context context = contexts.peek();
        boolean wordStart = startsWord();
        char c = copy();
        switch (c) {
            case '\\' -> copyNext();
            case '\'' -> contexts.push(Context.SINGLE_QUOTED);
            case '"' -> contexts.push(Context.DOUBLE_QUOTED);
            case '#' -> {
                if (wordStart) {
                    copyComment();
                }
            }
            case '`' -> {
                if (context == Context.BACKTICKS) {
                    contexts.pop();
                } else {
                    contexts.push(Context.BACKTICKS);
                }
            }
            case '$' -> {
                if (next() == '(') {
                    openCommandSubstitution();
                }
            }
            case '(' -> {
                if (context == Context.COMMAND_SUBSTITUTION) {
                    parentheses.push(parentheses.pop() + 1);
                }
            }
            case ')' -> {
                if (context == Context.COMMAND_SUBSTITUTION) {
                    closeParenthesis();
                }
            }
            default -> {
            }
        }
    }

    /** True when the current character begins a shell word: first, or after a blank or an operator. */
    private boolean startsWord() {
        return position == 0 || Character.isWhitespace(template.charAt(position - 1)) || ";&|()<>".indexOf(template.charAt(position - 1)) >= 0;
    }

    private void openCommandSubstitution() {
        copy();
        contexts.push(Context.COMMAND_SUBSTITUTION);
        parentheses.push(0);
    }

    private void closeParenthesis() {
        int open = parentheses.pop();
        if (open == 0) {
            contexts.pop();
        } else {
            parentheses.push(open - 1);
        }
    }

    /** Copies a comment up to the end of its line; quotes and names inside it mean nothing. */
    private void copyComment() {
        while (position < template.length() && template.charAt(position) != '\n') {
            copy();
        }
    }

    private char copy() {
        char c = template.charAt(position++);
        script.append(c);
        return c;
    }

    private void copyNext() {
        if (position < template.length()) {
            copy();
        }
    }

    private char next() {
        return position < template.length() ? template.charAt(position) : '\0';
    }
}
