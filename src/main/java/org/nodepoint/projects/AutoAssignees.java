package org.nodepoint.projects;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.nodepoint.db.Database;
import org.nodepoint.db.GroupCommitWriter;
import org.nodepoint.errors.ForbiddenException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.events.AutoAssignmentChanged;
import org.nodepoint.events.EventBus;
import org.nodepoint.events.Origin;
import org.nodepoint.users.Level;
import org.nodepoint.users.User;
import org.nodepoint.users.UserRef;
import org.nodepoint.users.UserService;
import org.nodepoint.users.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The auto-assignment lists of products: every ticket filed in a product, through the web form
 * or the API, is assigned to the enabled users of level 3 and up on its list. A user of level 3
 * joins or leaves a list themselves; level 4 and up also add and remove others. Each change
 * publishes AutoAssignmentChanged.
 */
public final class AutoAssignees {
    private static final Logger log = LoggerFactory.getLogger(AutoAssignees.class);
    /** The lowest level that may be on a list, and join or leave one. */
    public static final int MIN_LEVEL = Level.TICKETS_MANAGEMENT;
    /** The lowest level that may add or remove other users. */
    public static final int MANAGER_LEVEL = Level.PROJECTS_MANAGEMENT;
    /** The form field, and the field of validation errors, that names the user. */
    public static final String USER_FIELD = "userId";

    /** The outcome of an add or a remove: whom it concerned, and whether the list changed. */
    public record Change(UserRef user, boolean changed) {
    }

    private final Jdbi read;
    private final GroupCommitWriter writer;
    private final ProductService products;
    private final UserService users;
    private final EventBus events;
    private final Clock clock;

    public AutoAssignees(Database database, ProductService products, UserService users, EventBus events, Clock clock) {
        this.read = database.read();
        this.writer = database.groupCommitWriter();
        this.products = products;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a user to the product's list: the actor when {@code userId} is null. Throws
     * ValidationException on {@link #USER_FIELD} when a level 3 actor names someone else, or the
     * user does not exist, is disabled or is below level 3.
     */
    public Change add(Viewer actor, long productId, Long userId, Origin origin) {
        long target = checkRights(actor, productId, userId);
        User found = users.findById(target).filter(User::canSignIn).orElseThrow(() -> invalidUser("autoAssign.user.unknown"));
        if (found.level() < MIN_LEVEL) {
            throw invalidUser("autoAssign.user.level");
        }
        UserRef user = new UserRef(found.id(), found.name());
        boolean added = writer.withExtension(AutoAssignDao.class, dao -> dao.insert(productId, user.id(), clock.millis())) > 0;
        if (added) {
            log.info("User {} added user {} to the auto-assignment list of product {}", actor.userId(), user.id(), productId);
            events.publish(new AutoAssignmentChanged(productId, user.id(), true, actor.userId(), origin));
        }
        return new Change(user, added);
    }

    /**
     * Removes a user from the product's list, with the rights of {@link #add}. Disabled users and
     * users below level 3 can be removed too.
     */
    public Change remove(Viewer actor, long productId, long userId, Origin origin) {
        long target = checkRights(actor, productId, userId);
        UserRef user = users.findById(target).map(found -> new UserRef(found.id(), found.name()))
                .orElseThrow(() -> invalidUser("autoAssign.user.unknown"));
        boolean removed = writer.withExtension(AutoAssignDao.class, dao -> dao.delete(productId, user.id())) > 0;
        if (removed) {
            log.info("User {} removed user {} from the auto-assignment list of product {}", actor.userId(), user.id(), productId);
            events.publish(new AutoAssignmentChanged(productId, user.id(), false, actor.userId(), origin));
        }
        return new Change(user, removed);
    }

    /** Returns the product's list in the order users joined it. */
    public List<AutoAssignee> list(long productId) {
        return read.withExtension(AutoAssignDao.class, dao -> dao.listByProduct(productId, MIN_LEVEL));
    }

    /** Returns the names on the lists of these products, keyed by product id, in one query. Products without a list are absent. */
    public Map<Long, List<String>> namesByProduct(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return read.withExtension(AutoAssignDao.class, dao -> dao.listNamesByProducts(Set.copyOf(productIds))).stream()
                .collect(Collectors.groupingBy(AutoAssignDao.ProductUserName::productId, LinkedHashMap::new,
                        Collectors.mapping(AutoAssignDao.ProductUserName::name, Collectors.toList())));
    }

    /** Returns the product page's auto-assignment part, which only level 3 and up see. */
    public AutoAssignPanel panel(Viewer viewer, long productId) {
        if (!viewer.hasLevel(MIN_LEVEL)) {
            return new AutoAssignPanel(List.of(), false, false, false, List.of());
        }
        List<AutoAssignee> listed = list(productId);
        boolean viewerListed = listed.stream().anyMatch(entry -> viewer.userId() != null && entry.userId() == viewer.userId());
        List<UserRef> candidates = List.of();
        if (viewer.hasLevel(MANAGER_LEVEL)) {
            Set<Long> listedIds = listed.stream().map(AutoAssignee::userId).collect(Collectors.toSet());
            candidates = read.withExtension(AutoAssignDao.class, dao -> dao.listActiveFromLevel(MIN_LEVEL)).stream()
                    .filter(user -> !listedIds.contains(user.id()))
                    .toList();
        }
        return new AutoAssignPanel(listed, viewer.hasLevel(MIN_LEVEL), viewerListed, viewer.hasLevel(MANAGER_LEVEL), candidates);
    }

    /** Checks the actor's rights on the product's list and returns the id of the user to add or remove. */
    private long checkRights(Viewer actor, long productId, Long userId) {
        if (!actor.hasLevel(MIN_LEVEL)) {
            throw new ForbiddenException("error.forbidden.level");
        }
        products.findVisible(actor, productId);
        long target = userId == null ? actor.userId() : userId;
        if (target != actor.userId() && !actor.hasLevel(MANAGER_LEVEL)) {
            throw invalidUser("autoAssign.others.level");
        }
        return target;
    }

    private static ValidationException invalidUser(String messageKey) {
        return ValidationException.of(USER_FIELD, messageKey, MIN_LEVEL, MANAGER_LEVEL);
    }
}
