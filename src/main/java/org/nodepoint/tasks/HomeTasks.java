package org.nodepoint.tasks;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The home page's tasks panel: the viewer's first open tasks by due day with the number of open
 * tasks in all, then the tasks they completed in the last week, most recent first.
 */
public record HomeTasks(List<Task> open, long openTotal, List<Task> recentlyCompleted) {
    public static final HomeTasks NONE = new HomeTasks(List.of(), 0, List.of());

    public boolean isEmpty() {
        return open.isEmpty() && recentlyCompleted.isEmpty();
    }

    public boolean hasMoreOpen() {
        return openTotal > open.size();
    }

    /** Returns the completion values that the select offers: 0, 10, ... 100. */
    public List<Integer> completionSteps() {
        return IntStream.rangeClosed(0, TaskService.COMPLETE / TaskService.STEP)
                .mapToObj(step -> step * TaskService.STEP).toList();
    }
}
