package io.flagtrail.adapter.persistence.feature;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Generated SQL for the {@code features} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface FeatureRowRepository extends GenericRepository<FeatureRow, UUID> {

    Optional<FeatureRow> findByFeatureKey(String featureKey);

    /** The same, with the row locked until the transaction ends. */
    @Query("SELECT * FROM features WHERE feature_key = :featureKey FOR UPDATE")
    Optional<FeatureRow> lockByFeatureKey(String featureKey);

    FeatureRow save(FeatureRow row);

    /** One batched insert for many rows (the import). */
    List<FeatureRow> saveAll(Iterable<FeatureRow> rows);
}
