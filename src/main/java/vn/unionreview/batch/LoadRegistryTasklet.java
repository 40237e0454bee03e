package vn.unionreview.batch;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import vn.unionreview.batch.store.RunStore;
import vn.unionreview.ingest.Registry;
import vn.unionreview.ingest.RegistryReader;
import vn.unionreview.text.Message;

/** Step 1: marks the run folder incomplete, then the year's branch registry into the run's tables; unusable registry rows are reported. */
class LoadRegistryTasklet implements Tasklet {

    private final RunStore store;
    private final RunInputs inputs;

    LoadRegistryTasklet(RunStore store, RunInputs inputs) {
        this.store = store;
        this.inputs = inputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext context) throws java.io.IOException {
        long run = Steps.runId(context);
        Registry registry = RegistryReader.read(inputs.inputs().registry(), inputs.settings().limits());
        store.replaceBranches(run, registry.branches());
        store.deleteProblemsOf(run, inputs.inputs().registry().displayName());
        store.insertProblems(run, registry.problems());
        long rejected = registry.rowsRead() - registry.branches().size();
        Steps.summary(context, Message.of("progress.registry", "branches", registry.branches().size(),
                "file", inputs.inputs().registry().name(), "rejected", rejected));
        return RepeatStatus.FINISHED;
    }
}
