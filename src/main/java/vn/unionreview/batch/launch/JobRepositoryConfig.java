package vn.unionreview.batch.launch;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.infrastructure.item.database.support.DataFieldMaxValueIncrementerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The JDBC job repository on the year's database, as Spring Boot would configure it, except for its ids: they are
 * {@link ProcessUniqueIds}, so that runs of different years in one process (the console, a replay beside a run)
 * never share a Spring Batch context. Defining it makes Boot's own batch configuration step aside.
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
