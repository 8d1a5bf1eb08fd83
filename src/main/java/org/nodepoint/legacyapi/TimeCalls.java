package org.nodepoint.legacyapi;

import java.util.List;
import java.util.Map;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.tickets.TimeBreakdown;
import org.nodepoint.tickets.TimeTracking;

/** The show_time call: the time entries of one ticket, id checked before the read key as in show_ticket. */
final class TimeCalls {
    private final LegacyApi api;
    private final TimeTracking time;

    TimeCalls(LegacyApi api, TimeTracking time) {
        this.api = api;
        this.time = time;
    }

    void register(Map<String, LegacyApi.Call> calls) {
        calls.put("show_time", this::showTime);
    }

    private LegacyJson showTime(ApiRequest request) {
        long id = request.requiredId("id");
        api.checkReadKey(request);
        TimeBreakdown breakdown;
        try {
            breakdown = time.breakdown(api.apiActor(), id);
        } catch (NotFoundException missing) {
            throw ApiError.ticketNotFound();
        }
        List<List<LegacyJson.Field>> entries = breakdown.entries().stream()
                .map(entry -> LegacyJson.object(
                        "name", entry.userName(),
                        "hours", entry.hours().plain(),
                        "date", LegacyApi.ctime(entry.createdAt())))
                .toList();
        return LegacyJson.envelope("Time tracking.", "OK").put("time", entries);
    }
}
