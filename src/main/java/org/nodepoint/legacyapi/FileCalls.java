package org.nodepoint.legacyapi;

import java.util.List;
import java.util.Map;
import org.nodepoint.sharedfiles.SharedFiles;

/**
 * The list_files call, with the layout of NodePoint 1.x. In 1.x the id was the file's download
 * key, so the read key handed out every download link. Here the id is the file's number, and the
 * download link stays with whoever uploaded the file.
 */
final class FileCalls {
    private final LegacyApi api;
    private final SharedFiles files;

    FileCalls(LegacyApi api, SharedFiles files) {
        this.api = api;
        this.files = files;
    }

    void register(Map<String, LegacyApi.Call> calls) {
        calls.put("list_files", this::listFiles);
    }

    private LegacyJson listFiles(ApiRequest request) {
        api.checkReadKey(request);
        List<List<LegacyJson.Field>> rows = files.listAll().stream()
                .map(file -> LegacyJson.object(
                        "id", String.valueOf(file.id()),
                        "file_name", file.originalName(),
                        "uploaded_by", file.uploaderName(),
                        "uploaded_on", LegacyApi.ctime(file.uploadedAt()),
                        "size", String.valueOf(file.sizeBytes())))
                .toList();
        return LegacyJson.envelope("Files list.", "OK").put("files", rows);
    }
}
