package vn.unionreview.run.launch;

import java.util.BitSet;

import org.springframework.batch.infrastructure.item.database.support.DataFieldMaxValueIncrementerFactory;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;

/**
 * Ids of job instances and executions that no two open job repositories of this process share.
 *
 * <p>Spring Batch keeps the step and job contexts of running executions in process-wide maps keyed by the execution,
 * and an execution equals any other with the same id. Each year has a database of its own, whose sequences all start at
 * 1: two years started at once both ran step execution 1, shared one step context, and failed on each other's versions.
 * Each open repository therefore takes a slot, and its ids are {@code sequence value × SLOTS + slot}: unique in its
 * database (the sequence is) and among the repositories open in the process (the slot is), and still increasing in each
 * database, so "the latest" stays the highest id.
 */
final class ProcessUniqueIds implements DataFieldMaxValueIncrementerFactory, AutoCloseable {

    static final int SLOTS = 1024;
    private static final BitSet TAKEN = new BitSet(SLOTS);

    private final DataFieldMaxValueIncrementerFactory sequences;
    private final int slot;

    private ProcessUniqueIds(DataFieldMaxValueIncrementerFactory sequences, int slot) {
        this.sequences = sequences;
        this.slot = slot;
    }

    /** Takes a free slot until {@link #close()}. */
    static ProcessUniqueIds over(DataFieldMaxValueIncrementerFactory sequences) {
        synchronized (TAKEN) {
            int slot = TAKEN.nextClearBit(0);
            if (slot >= SLOTS) {
                throw new IllegalStateException(
                        SLOTS + " job repositories are open in this process: no more can be opened");
            }
            TAKEN.set(slot);
            return new ProcessUniqueIds(sequences, slot);
        }
    }

    @Override
    public DataFieldMaxValueIncrementer getIncrementer(String databaseType, String incrementerName) {
        DataFieldMaxValueIncrementer sequence = sequences.getIncrementer(databaseType, incrementerName);
        return new DataFieldMaxValueIncrementer() {
            @Override
            public long nextLongValue() {
                return Math.addExact(Math.multiplyExact(sequence.nextLongValue(), (long) SLOTS), slot);
            }

            @Override
            public int nextIntValue() {
                return Math.toIntExact(nextLongValue());
            }

            @Override
            public String nextStringValue() {
                return Long.toString(nextLongValue());
            }
        };
    }

    @Override
    public boolean isSupportedIncrementerType(String databaseType) {
        return sequences.isSupportedIncrementerType(databaseType);
    }

    @Override
    public String[] getSupportedIncrementerTypes() {
        return sequences.getSupportedIncrementerTypes();
    }

    @Override
    public void close() {
        synchronized (TAKEN) {
            TAKEN.clear(slot);
        }
    }
}
