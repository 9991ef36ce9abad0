# lit configuration for boundwise's fixture tests: each fixture states the
# expected output in its own comments (CHECK lines), as clang-tidy's do.
import os
import lit.formats

config.name = "boundwise"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".c", ".test"]
# unit/ holds GoogleTest sources and holdout-checks/ a scored corpus, both run by ctest.
config.excludes = ["Inputs", "unit", "holdout-checks"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.boundwise_obj_root, "tests", "analyzer")

config.environment["PATH"] = os.pathsep.join(
    [config.boundwise_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["HOME"] = os.environ.get("HOME", "/tmp")

python = config.python_executable
check_script = os.path.join(config.test_source_root, "check_boundwise.py")
config.substitutions.append(("%boundwise", os.path.join(config.boundwise_bin_dir, "boundwise")))
config.substitutions.append(("%check_boundwise", f"{python} {check_script} --boundwise {os.path.join(config.boundwise_bin_dir, 'boundwise')}"))
race_corpus = os.path.join(config.test_source_root, "races", "race_corpus.py")
config.substitutions.append(("%race_corpus", f"{python} {race_corpus} --boundwise {os.path.join(config.boundwise_bin_dir, 'boundwise')}"))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%tidy_plugin", config.tidy_plugin))
config.substitutions.append(("%python", python))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
