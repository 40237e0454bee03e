package vn.unionreview.run.launch;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.infrastructure.item.database.support.DataFieldMaxValueIncrementerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;

/**
 * The JDBC job repository on the year's database, as Spring Boot would configure it, except for its ids: they are
 * {@link ProcessUniqueIds}, so that runs of different years in one process (the console, a replay beside a run) never
 * share a Spring Batch context. Defining it makes Boot's own batch configuration step aside.
 */
@Configuration(proxyBeanMethods = false)
class JobRepositoryConfig extends JdbcDefaultBatchConfiguration implements DisposableBean {

    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private ProcessUniqueIds ids;

    JobRepositoryConfig(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
    }

    @Override
    protected DataSource getDataSource() {
        return dataSource;
    }

    @Override
    protected PlatformTransactionManager getTransactionManager() {
        return transactionManager;
    }

    /**
     * Read committed, not Spring Batch's serializable, for creating executions: the export's steps are created side by
     * side (a split, a partitioned step), and on PostgreSQL two serializable creations at once fail the run ("could not
     * serialize access", met at 150,000 branches). Two launches of one run at once are kept apart by the year's
     * {@link vn.unionreview.run.RunLock}, not by the isolation.
     */
    @Override
    protected Isolation getIsolationLevelForCreate() {
        return Isolation.READ_COMMITTED;
    }

    @Override
    protected synchronized DataFieldMaxValueIncrementerFactory getIncrementerFactory() {
        if (ids == null) {
            ids = ProcessUniqueIds.over(super.getIncrementerFactory());
        }
        return ids;
    }

    @Override
    public synchronized void destroy() {
        if (ids != null) {
            ids.close();
        }
    }
}
