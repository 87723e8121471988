package vn.extrel.warehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.extrel.warehouse.bronze.FileTask;

/** The bronze stage reads its files in one bin per task slot, balanced by size. */
class BronzeBinsTest {

  static FileTask file(String name, long size) {
    return new FileTask("file:/in/" + name, name, "0".repeat(64), size, "layout");
  }

  @Test
  void aLargeFileGetsABinOfItsOwnAndTheSmallOnesShareTheOthers() {
    List<FileTask> tasks =
        List.of(file("a", 10), file("big", 1000), file("b", 20), file("c", 30), file("d", 40));
    List<List<FileTask>> bins = BronzeStage.bins(tasks, 2);
    assertThat(bins).hasSize(2);
    assertThat(bins.get(0)).extracting(FileTask::path).containsExactly("big");
    assertThat(bins.get(1))
        .extracting(FileTask::path)
        .containsExactlyInAnyOrder("a", "b", "c", "d");
  }

  @Test
  void neverMoreBinsThanFilesAndEveryFileOnce() {
    List<FileTask> tasks = List.of(file("a", 5), file("b", 5), file("c", 0));
    assertThat(BronzeStage.bins(tasks, 8)).hasSize(3);
    assertThat(BronzeStage.bins(tasks, 2).stream().flatMap(List::stream).map(FileTask::path))
        .containsExactlyInAnyOrder("a", "b", "c");
  }
}
