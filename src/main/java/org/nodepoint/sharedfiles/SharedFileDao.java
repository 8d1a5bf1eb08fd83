package org.nodepoint.sharedfiles;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SharedFile.class)
@RegisterConstructorMapper(FileDownload.class)
interface SharedFileDao {
    String SELECT = "SELECT f.id, f.original_name, f.stored_name, f.size_bytes, f.uploaded_by, u.name AS uploader_name, f.uploaded_at "
            + "FROM shared_files f JOIN users u ON u.id = f.uploaded_by ";

    @SqlUpdate("INSERT INTO shared_files (token_hash, stored_name, original_name, size_bytes, sha256, uploaded_by, uploaded_at) "
            + "VALUES (:tokenHash, :storedName, :originalName, :size, :sha256, :uploadedBy, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("tokenHash") String tokenHash, @Bind("storedName") String storedName, @Bind("originalName") String originalName,
            @Bind("size") long size, @Bind("sha256") String sha256, @Bind("uploadedBy") long uploadedBy, @Bind("now") long now);

    @SqlQuery(SELECT + "WHERE f.id = :id AND f.deleted_at IS NULL")
    Optional<SharedFile> findListed(@Bind("id") long id);

    // The look-up compares SHA-256 hashes through the unique index, so its timing reveals nothing usable about a token.
    @SqlQuery(SELECT + "WHERE f.token_hash = :tokenHash AND f.deleted_at IS NULL")
    Optional<SharedFile> findByTokenHash(@Bind("tokenHash") String tokenHash);

    // Newest first on the partial index shared_files_listed.
    @SqlQuery(SELECT + "WHERE f.deleted_at IS NULL ORDER BY f.id DESC LIMIT :limit OFFSET :offset")
    List<SharedFile> listPage(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery(SELECT + "WHERE f.deleted_at IS NULL ORDER BY f.id")
    List<SharedFile> listAll();

    @SqlQuery("SELECT count(*) FROM shared_files WHERE deleted_at IS NULL")
    long countListed();

    @SqlUpdate("UPDATE shared_files SET token_hash = :tokenHash WHERE id = :id AND deleted_at IS NULL")
    int replaceToken(@Bind("id") long id, @Bind("tokenHash") String tokenHash);

    @SqlUpdate("UPDATE shared_files SET deleted_at = :now, deleted_by = :actorId WHERE id = :id AND deleted_at IS NULL")
    int markDeleted(@Bind("id") long id, @Bind("actorId") long actorId, @Bind("now") long now);

    @SqlUpdate("INSERT INTO file_downloads (file_id, address, user_id, downloaded_at) VALUES (:fileId, :address, :userId, :now)")
    void insertDownload(@Bind("fileId") long fileId, @Bind("address") String address, @Bind("userId") Long userId, @Bind("now") long now);

    /** Deletes the oldest log rows beyond the newest {@code keep}, reading only the primary key. */
    @SqlUpdate("DELETE FROM file_downloads WHERE id <= (SELECT max(id) FROM file_downloads) - :keep")
    int trimDownloads(@Bind("keep") long keep);

    @SqlQuery("SELECT d.id, d.file_id, f.original_name AS file_name, d.address, u.name AS user_name, d.downloaded_at "
            + "FROM file_downloads d JOIN shared_files f ON f.id = d.file_id LEFT JOIN users u ON u.id = d.user_id "
            + "ORDER BY d.id DESC LIMIT :limit OFFSET :offset")
    List<FileDownload> listDownloads(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlQuery("SELECT count(*) FROM file_downloads")
    long countDownloads();

    @SqlUpdate("DELETE FROM file_downloads")
    int clearDownloads();
}
