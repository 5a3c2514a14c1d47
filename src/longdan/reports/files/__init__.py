"""The pages of report files: ask for one, watch it being generated, download it, schedule monthly ones."""
