package org.dyad.ledger;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.dyad.contracts.wire.DyadJson;
import org.dyad.ledger.publication.PublicationProperties;
import org.dyad.ledger.publication.TransactionAwareEventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.dyad.ledger.tracing.RequestTraceCorrelation;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.flywaydb.core.Flyway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The write side: command API, aggregates, the event store in PostgreSQL schema {@code ledger}, and the publisher
 * that ships stored events to Kafka. Off when {@code dyad.ledger.enabled=false}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
@ConditionalOnProperty(name = "dyad.ledger.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
// spring.kafka.* (KafkaProperties) builds the publisher's clients, whether or not Boot's Kafka auto-configuration runs
@EnableConfigurationProperties({PublicationProperties.class, KafkaProperties.class})
public class LedgerConfiguration {

    public static final String SCHEMA = "ledger";

    /** Migrates schema {@code ledger} before anything reads it; it has its own history table. */
    @Bean(initMethod = "migrate")
    Flyway ledgerFlyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/ledger")
                .load();
    }

    @Bean
    EventSchema eventSchema(Flyway ledgerFlyway) {
        return EventSchema.builder()
                .eventTable(SCHEMA + ".domain_event_entry")
                .snapshotTable(SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema(Flyway ledgerFlyway) {
        return TokenSchema.builder()
                .setTokenTable(SCHEMA + ".token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * The JDBC storage engine as Axon's auto-configuration builds it; defined here because Axon's backs off when the
     * application defines its own event store (below).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connections,
                                          TransactionManager transactions, EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(exceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(eventSchema)
                .build();
    }

    /**
     * Axon's embedded event store (as Axon's auto-configuration builds it), waking the publisher when the transaction
     * holding new events has committed rather than when the command's unit of work inside it did.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return TransactionAwareEventStore.of(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class)));
    }

    /** Copies the request's audit (client, correlation id, intake draft) from each command to the events it causes. */
    @Bean
    CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(Audit.CLIENT, Audit.CORRELATION_ID, Audit.DRAFT_ID);
    }

    /** The W3C trace context of the request that handles a command, recorded in the events it causes. */
    @Bean
    CorrelationDataProvider requestTraceCorrelation(ObjectProvider<Tracer> tracer,
                                                    ObjectProvider<Propagator> propagator) {
        return new RequestTraceCorrelation(tracer, propagator);
    }

    /** Axon's own trace and correlation of messages, kept beside the audit. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** PostgreSQL reports a duplicate (aggregate id, sequence) as SQL state 23505, possibly inside a batch error. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return LedgerConfiguration::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Events are stored as the same JSON subscribers receive, tolerant of fields added later, with their published
     * version as revision.
     */
    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(DyadJson.configure(DyadJson.mapper().copy()))
                .revisionResolver(new EventVersionRevisions()).build();
    }
}
