def test_help_lists_command_groups(cli):
    result = cli("--help")
    assert result.exit_code == 0
    for name in ("measures", "services", "arenas", "coordinators", "data"):
        assert name in result.stdout
