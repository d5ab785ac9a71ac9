"""Write NukeViet's own CREATE TABLE statements for the news module and the config table,
at a release tag, as the SQL files beside this script (run from anywhere):

    python extract.py /path/to/nukeviet.git 4.0.21 4.3.08 4.4.08 4.5.05

They are read from ``modules/news/action_mysql.php`` and ``install/action_mysql.php`` of
github.com/nukeviet/nukeviet, with the PHP table names turned into ``{table}`` (the
module's ``<prefix>_<lang>_<module>``) and ``{prefix}``. In 4.0, where bodies go into
``_bodyhtml_N`` tables made as articles come, ``_bodyhtml_2`` is added as
``modules/news/admin/content.php`` creates it.
"""

import re
import subprocess
import sys
from pathlib import Path

MODULE_TABLE = re.compile(
    r"""CREATE TABLE (IF NOT EXISTS )?["']\s*\.\s*\$db_config\[["']prefix["']\]\s*\.\s*["']_["']"""
    r"""\s*\.\s*\$lang\s*\.\s*["']_["']\s*\.\s*\$module_data\s*\.\s*["'](_\w+) \((.*?)\n\s*\)"""
    r"""\s*(ENGINE=MyISAM(?: COMMENT '[^']*')?)["']""",
    re.S,
)
CONFIG_TABLE = re.compile(
    r"""CREATE TABLE ["']\s*\.\s*NV_CONFIG_GLOBALTABLE\s*\.\s*["'] \((.*?)\n\s*\)"""
    r"""\s*(ENGINE=MyISAM)""",
    re.S,
)
BODYHTML_N = re.compile(
    r'CREATE TABLE IF NOT EXISTS " \. \$tbhtml \. " \((.*?)\) ENGINE=MyISAM', re.S
)


def show(repo: str, tag: str, path: str) -> str:
    return subprocess.run(
        ["git", "-C", repo, "show", f"{tag}:{path}"], capture_output=True, text=True, check=True
    ).stdout


def main(repo: str, *tags: str) -> None:
    for tag in tags:
        news = show(repo, tag, "modules/news/action_mysql.php")
        install = show(repo, tag, "install/action_mysql.php")
        out = [f"-- NukeViet {tag}: modules/news/action_mysql.php and install/action_mysql.php\n"]
        config = CONFIG_TABLE.search(install)
        out.append(f"CREATE TABLE {{prefix}}_config ({config.group(1)}\n) {config.group(2)};\n")
        for match in MODULE_TABLE.finditer(news):
            body = match.group(3).replace("\" . $db_config['prefix'] . \"", "{prefix}")
            out.append(f"CREATE TABLE {{table}}{match.group(2)} ({body}\n) {match.group(4)};\n")
        if "_bodyhtml_1" in news:
            content = show(repo, tag, "modules/news/admin/content.php")
            columns = BODYHTML_N.search(content).group(1)
            out.append(f"CREATE TABLE {{table}}_bodyhtml_2 ({columns}) ENGINE=MyISAM;\n")
        Path(__file__).with_name(f"nukeviet-{tag}.sql").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
